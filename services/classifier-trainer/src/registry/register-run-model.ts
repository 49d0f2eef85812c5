import { createHash } from 'node:crypto';
import type { ArtifactStore } from '@ser/artifacts';
import { KEPT_MODEL_FILE, readKeptModel } from '@ser/model-artifacts';
import type { MetadataStore, ModelVersion } from '@ser/store';

/** Model name of a run started without one (StartClassifierRunRequest.model_name empty). */
export const DEFAULT_MODEL_NAME = 'fop-emotion';

export interface RegistryDeps {
  store: MetadataStore;
  artifacts: ArtifactStore;
}

/**
 * Registers the model a finished classifier run kept (models/<run>/model.json) as the next version of the run's
 * model name, with the run's summary metrics and its lineage: dataset version, pre-training checkpoint, the
 * model checkpoint, the resolved config and its hash. Returns null when the run kept no model. A run that already
 * registered (a recovered run finishing again) gets its existing version back, never a second one.
 */
export async function registerRunModel(deps: RegistryDeps, runId: string, metrics: Record<string, number>): Promise<ModelVersion | null> {
  const { store, artifacts } = deps;
  const existing = await store.models.findByRun(runId);
  if (existing) return existing;
  const run = await store.runs.get(runId);
  const artifactKey = typeof run?.lineage.modelArtifactKey === 'string' ? run.lineage.modelArtifactKey : null;
  if (!run || !artifactKey || !(await artifacts.exists(`${artifactKey}/${KEPT_MODEL_FILE}`))) return null;
  const kept = await readKeptModel(artifacts, artifactKey);
  const configJson = JSON.stringify(run.config);
  return store.models.createVersion({
    modelName: typeof run.lineage.modelName === 'string' && run.lineage.modelName ? run.lineage.modelName : DEFAULT_MODEL_NAME,
    artifactKey,
    runId,
    metrics,
    lineage: {
      datasetVersionIds: Array.isArray(run.lineage.datasetVersionIds) ? run.lineage.datasetVersionIds : [],
      checkpointId: typeof run.lineage.checkpointId === 'string' ? run.lineage.checkpointId : '',
      modelCheckpointId: typeof run.lineage.modelCheckpointId === 'string' ? run.lineage.modelCheckpointId : '',
      runId,
      config: run.config,
      configHash: createHash('sha256').update(configJson).digest('hex'),
      kind: kept.kind,
      labels: kept.classes,
    },
  });
}
