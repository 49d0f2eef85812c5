// Runs the gateway queues itself, for the start mutations and trainRecipe alike: trainers scale to zero on the
// store's run queue (KEDA), so none may be up to answer a Start RPC. The trainers' own planner (@ser/runs)
// validates and resolves the run as their Start RPCs would; a trainer of the kind claims the row when it polls
// (libs/runs/src/run-queue.ts) and publishes the run's progress from then on.
import type { RunKind } from '@ser/events';
import { planClassifierRun, planPretrainRun, parseWith, PRETRAIN_CONFIG_SCHEMAS } from '@ser/runs';
import type { ReadOnlyStore, Run, RunQueueWrites } from '@ser/store';

export interface QueueRunRequest {
  configJson: string;
  datasetVersionIds: string[];
  checkpointId?: string;
  displayName?: string;
  /** Classifier runs: the name the kept model registers under. */
  modelName?: string;
  /** Classifier runs: the platform's default model name, which the planner fills in when modelName is empty. */
  defaultModelName?: string;
}

/** Plans and inserts the queued run; the planner's DomainErrors (INVALID_ARGUMENT, NOT_FOUND, ...) pass through. */
export async function queueRun(store: ReadOnlyStore & { runs: RunQueueWrites }, kind: RunKind, request: QueueRunRequest): Promise<Run> {
  const req = { checkpointId: '', displayName: '', ...request };
  const planned =
    kind === 'classifier'
      ? await planClassifierRun(store, req)
      : await planPretrainRun(store, parseWith<{ datasetVersionIds: string[] }>(PRETRAIN_CONFIG_SCHEMAS[kind]), req);
  return store.runs.create({ ...planned, kind });
}
