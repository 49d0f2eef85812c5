import { createHash } from 'node:crypto';
import type { ArtifactStore } from '@ser/artifacts';
import type { ModelRegistryServiceClient, ModelVersion__Output } from '@ser/contracts';
import { callUnary } from '@ser/grpc-kit';
import { KEPT_MODEL_FILE, readKeptModel } from '@ser/model-artifacts';
import type { MetadataStore } from '@ser/store';

export interface RegistryDeps {
  store: MetadataStore;
  artifacts: ArtifactStore;
  /** The model registry, which owns model_versions: the trainer registers through it, never into the table. */
  registry: ModelRegistryServiceClient;
}

/** A version as registered: what the model card and the run's caller need of it. */
export interface RegisteredRunModel {
  id: string;
  modelName: string;
  version: number;
  artifactKey: string;
}

/**
 * Registers the model a finished classifier run kept (models/<run>/model.json) through ModelRegistryService as the
 * next version of the run's model name (a run without one is refused), with the run's summary metrics and its lineage: dataset version,
 * pre-training checkpoint, the model checkpoint, the resolved config and its hash. Returns null when the run kept no
 * model. A run that already registered (a recovered run finishing again) gets its existing version back (the
 * registry's RegisterModelVersion is idempotent per run), never a second one.
 */
export async function registerRunModel(deps: RegistryDeps, runId: string, metrics: Record<string, number>): Promise<RegisteredRunModel | null> {
  const { store, artifacts, registry } = deps;
  const run = await store.runs.get(runId);
  const artifactKey = run?.lineage.modelArtifactKey ?? null;
  if (!run || !artifactKey || !(await artifacts.exists(`${artifactKey}/${KEPT_MODEL_FILE}`))) return null;
  // A run carries the name its model registers under from its start (StartClassifierRunRequest.model_name, else the
  // platform's inference.defaultModelName); without one, the starter erred: nothing is filed under a guessed name.
  const modelName = run.modelName;
  if (!modelName) throw new Error(`run ${runId} has no model name (runs.model_name): its kept model ${artifactKey} is not registered`);
  const kept = await readKeptModel(artifacts, artifactKey);
  const configJson = JSON.stringify(run.config);
  const lineage = {
    datasetVersionIds: run.lineage.datasetVersionIds ?? [],
    checkpointId: run.lineage.checkpointId ?? '',
    modelCheckpointId: run.lineage.modelCheckpointId ?? '',
    runId,
    config: run.config,
    configHash: createHash('sha256').update(configJson).digest('hex'),
    kind: kept.kind,
    labels: kept.classes,
  };
  const { modelVersion } = await callUnary(registry, 'RegisterModelVersion', {
    modelName,
    runId,
    artifactKey,
    metrics,
    lineageJson: JSON.stringify(lineage),
  });
  if (!modelVersion) throw new Error(`the model registry answered RegisterModelVersion for run ${runId} without a version`);
  return registeredOf(modelVersion);
}

export function registeredOf(v: ModelVersion__Output): RegisteredRunModel {
  return { id: v.id, modelName: v.name, version: Number(v.version), artifactKey: v.artifactKey };
}
