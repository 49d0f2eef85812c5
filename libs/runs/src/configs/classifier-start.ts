// A classifier run's start request, validated and resolved into the row that queues it. Shared by the trainer's
// StartClassifierRun and the gateway, which queues runs itself so a run can start while no trainer is up.
import { DomainError, invalidArgument, toGrpcError } from '@ser/grpc-kit';
import type { ReadOnlyStore, NewRun } from '@ser/store';
import { ZodError } from 'zod';
import { classifierRunConfigSchema, type ClassifierRunConfig } from './classifier-config';
import { classifierLineage } from './classifier-lineage';
import { checkCrossCorpus, runDatasetVersionIds } from './cross-corpus-start';

export interface StartClassifierRun {
  configJson: string;
  datasetVersionIds: string[];
  checkpointId: string;
  displayName?: string;
  /** The name the kept model registers under; empty: defaultModelName. */
  modelName?: string;
  /** The platform's default model name (inference.defaultModelName), for a request that names none. */
  defaultModelName?: string;
}

/** The request's dataset and checkpoint fields merged into config_json, then validated (INVALID_ARGUMENT). */
export function parseClassifierStart(req: StartClassifierRun): ClassifierRunConfig {
  let raw: Record<string, unknown>;
  try {
    raw = req.configJson ? JSON.parse(req.configJson) : {};
  } catch (err) {
    throw invalidArgument(`config_json is not JSON: ${(err as Error).message}`, [{ field: 'config_json', description: 'invalid JSON' }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidArgument('config_json must be a JSON object', [{ field: 'config_json', description: 'not an object' }]);
  if (req.datasetVersionIds.length > 1)
    throw invalidArgument('a classifier run trains on one dataset version', [{ field: 'dataset_version_ids', description: 'at most one' }]);
  const merged = { ...raw };
  const fill = (key: string, field: string, value: string | undefined) => {
    if (!value) return;
    if (merged[key] !== undefined && merged[key] !== value)
      throw invalidArgument(`${field} '${value}' differs from config_json.${key}`, [{ field, description: `conflicts with config_json.${key}` }]);
    merged[key] = value;
  };
  fill('datasetVersionId', 'dataset_version_ids', req.datasetVersionIds[0]);
  // A sequence-model run's checkpoint is its VQ-VAE's.
  fill(merged.method === 'sequence-model' ? 'vqvaeCheckpointId' : 'pretrainedCheckpointId', 'checkpoint_id', req.checkpointId);
  try {
    return classifierRunConfigSchema.parse(merged);
  } catch (err) {
    if (err instanceof ZodError) throw toGrpcError(err);
    throw err;
  }
}

/**
 * The queued run a start request becomes: config validated, dataset version and checkpoint checked, lineage
 * resolved (INVALID_ARGUMENT / NOT_FOUND / FAILED_PRECONDITION otherwise). Nothing is written.
 */
export async function planClassifierRun(store: ReadOnlyStore, req: StartClassifierRun): Promise<Omit<NewRun, 'kind'>> {
  const config = parseClassifierStart(req);
  if (!(await store.datasets.getVersion(config.datasetVersionId))) {
    throw new DomainError('NOT_FOUND', `dataset version '${config.datasetVersionId}' not found`, {
      violations: [{ field: 'dataset_version_ids', description: config.datasetVersionId }],
    });
  }
  await checkCrossCorpus(store, config);
  const lineage = await classifierLineage(store, config);
  return {
    config: lineage.config,
    lineage: { datasetVersionIds: runDatasetVersionIds(config), checkpointId: lineage.checkpointId, runId: lineage.runId },
    displayName: req.displayName || undefined,
    // The name its kept model registers under when the run succeeds; without one, the name inference serves by
    // default, so the model is what a predict naming no model gets once promoted. Filled in here, the one place
    // every starter (the trainer's StartClassifierRun, the gateway) goes through.
    modelName: req.modelName || req.defaultModelName || undefined,
  };
}
