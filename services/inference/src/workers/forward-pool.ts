import { availableParallelism } from 'node:os';
import type { Logger } from '@ser/logging';
import type { BackendKind } from '@ser/tfjs-backend';
import type { ForwardAnswer, ForwardFailure, ForwardRequestBody, ForwardWorkerData, ModelFiles } from './forward-messages';
import { WorkerPool } from './worker-pool';

const WORKER_MODULE = new URL('./forward-worker.ts', import.meta.url);

/**
 * Forward-pass threads when the config leaves it unset: one per 4 cores, 1 to 4. TensorFlow's native runtime
 * already spreads one pass over every core, so more threads than that only contend; one is enough to take the
 * passes off the event loop, and a few let a many-core machine overlap passes with their set-up and read-back.
 */
export const defaultForwardWorkers = (cores = availableParallelism()): number => Math.max(1, Math.min(4, Math.floor(cores / 4)));

export interface ForwardPoolOptions {
  size: number;
  /** The backend the service runs; every worker starts the same one. */
  backend: BackendKind;
  logger: Logger;
  /** The worker's module; forward-worker.ts unless a test substitutes one. */
  workerModule?: URL;
}

/** How long a worker that died before it started waits before the next try (a backend that cannot start). */
const FAILED_START_RETRY_MS = 5_000;

/**
 * A few worker threads that hold every loaded model and run its forward passes, so the event loop keeps decoding,
 * batching and answering while TensorFlow computes. A pass goes to the least busy worker. A worker that dies fails
 * its unanswered passes with UNAVAILABLE (the client may retry) and is replaced by a fresh one that reloads every
 * model before it takes new passes.
 */
export class ForwardPool {
  private readonly workers: WorkerPool<ForwardRequestBody, ForwardAnswer, ForwardFailure>;
  /** What each loaded model was built from, to reload it into a replacement worker. */
  private readonly models = new Map<string, { artifactKey: string; files: ModelFiles }>();

  private readonly logger: Logger;

  constructor(opts: ForwardPoolOptions) {
    this.logger = opts.logger;
    const workerData: ForwardWorkerData = { backend: opts.backend };
    this.workers = new WorkerPool({
      name: 'forward-pass worker',
      size: opts.size,
      workerModule: opts.workerModule ?? WORKER_MODULE,
      workerData,
      logger: opts.logger,
      toError: (failure) => new Error(failure.message),
      failedStartRetryMs: FAILED_START_RETRY_MS,
      onReplaced: (index) => this.reload(index),
    });
  }

  get size(): number {
    return this.workers.size;
  }

  /** Resolves once every worker has started its backend; rejects when one could not (the service must not start). */
  ready(): Promise<void> {
    return this.workers.ready();
  }

  /** Builds the model from `files` in every worker, under `modelId`. */
  async load(modelId: string, artifactKey: string, files: ModelFiles): Promise<void> {
    this.models.set(modelId, { artifactKey, files });
    try {
      await this.workers.requestEach({ op: 'load', modelId, artifactKey, files });
    } catch (err) {
      this.unload(modelId);
      throw err;
    }
  }

  /** Class probabilities of each input, computed by the least busy worker. */
  async predict(modelId: string, inputs: Float32Array[]): Promise<number[][]> {
    return (await this.workers.request({ op: 'predict', modelId, inputs })).probabilities!;
  }

  /** Frees the model in every worker; replacement workers no longer load it. */
  unload(modelId: string): void {
    this.models.delete(modelId);
    this.workers.requestEach({ op: 'unload', modelId }).catch(() => undefined);
  }

  /** Stops worker `index` at once and starts a fresh one that reloads every model, as when it crashes. */
  restartWorker(index: number): Promise<void> {
    return this.workers.restartWorker(index);
  }

  close(): Promise<void> {
    return this.workers.close();
  }

  /** Every loaded model into the fresh worker `index`, before any new pass (a worker runs its requests in order). */
  private reload(index: number): void {
    for (const [modelId, { artifactKey, files }] of this.models) {
      this.workers
        .requestTo(index, { op: 'load', modelId, artifactKey, files })
        .catch((err: Error) => this.logger.error({ worker: index, modelId, err: err.message }, 'a replacement forward worker could not load a model'));
    }
  }
}
