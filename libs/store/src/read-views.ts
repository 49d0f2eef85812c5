import type { CheckpointRepository } from './repositories/checkpoints';
import type { DatasetRepository } from './repositories/datasets';
import type { PredictionRepository } from './repositories/predictions';
import type { RunRepository } from './repositories/runs';
import type { Repositories } from './metadata-store';

/**
 * The read methods of the tables other services may read but only their owners write (issue 17; owners in
 * scripts/store-table-owners.mjs). A service that is handed a view gets these methods and nothing else: the
 * compiler refuses a write through it, and at run time the write methods are not there to call.
 */
const READS = {
  datasets: ['getVersion', 'findVersion', 'latestVersion', 'get', 'list', 'listVersions', 'findUtterance', 'listUtterances'],
  runs: ['get', 'list', 'listMetrics'],
  checkpoints: ['get', 'latestForRun', 'listForRun'],
  predictions: ['get', 'list'],
} as const satisfies { [R in keyof ReadOnlyStore]: readonly (keyof Repositories[R])[] };

export type DatasetReads = Pick<DatasetRepository, (typeof READS.datasets)[number]>;
export type RunReads = Pick<RunRepository, (typeof READS.runs)[number]>;
export type CheckpointReads = Pick<CheckpointRepository, (typeof READS.checkpoints)[number]>;
export type PredictionReads = Pick<PredictionRepository, (typeof READS.predictions)[number]>;

/** Datasets, runs, checkpoints and predictions, read-only. Every MetadataStore is one too (it has these methods). */
export interface ReadOnlyStore {
  readonly datasets: DatasetReads;
  readonly runs: RunReads;
  readonly checkpoints: CheckpointReads;
  readonly predictions: PredictionReads;
}

/** Only `methods` of `repository`, bound to it. */
function pick<R extends object, K extends keyof R>(repository: R, methods: readonly K[]): Pick<R, K> {
  const view = {} as Pick<R, K>;
  for (const m of methods) {
    const method = repository[m];
    view[m] = (typeof method === 'function' ? method.bind(repository) : method) as R[K];
  }
  return Object.freeze(view);
}

/** A read-only view of `store`: the reads go to it, no write method is reachable through the view. */
export function readOnlyStore(store: Repositories): ReadOnlyStore {
  return Object.freeze({
    datasets: pick(store.datasets, READS.datasets),
    runs: pick(store.runs, READS.runs),
    checkpoints: pick(store.checkpoints, READS.checkpoints),
    predictions: pick(store.predictions, READS.predictions),
  });
}

/** Queueing a run and withdrawing a queued one: the writes of `runs` a run queue's producers own (the gateway). */
export type RunQueueWrites = Pick<RunRepository, 'create' | 'cancelQueued'>;

export function runQueueWrites(store: Repositories): RunQueueWrites {
  return pick(store.runs, ['create', 'cancelQueued'] as const);
}
