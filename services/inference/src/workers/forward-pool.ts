import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { unavailable } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { createWorker } from '@ser/runtime';
import type { BackendKind } from '@ser/tfjs-backend';
import type { ForwardReply, ForwardRequest, ForwardRequestBody, ForwardWorkerData, ModelFiles } from './forward-messages';

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

interface Pending {
  resolve(probabilities: number[][] | undefined): void;
  reject(err: Error): void;
}

/** One worker thread with its unanswered requests. */
interface Slot {
  index: number;
  worker: Worker;
  pending: Map<number, Pending>;
  /** Resolves when the worker's backend is up; rejects when it died before. */
  ready: Promise<void>;
  started: boolean;
  alive: boolean;
}

/** How long a slot whose worker died before it started waits before the next try (a backend that cannot start). */
const FAILED_START_RETRY_MS = 5_000;

/**
 * A few worker threads that hold every loaded model and run its forward passes, so the event loop keeps decoding,
 * batching and answering while TensorFlow computes. A pass goes to the least busy worker. A worker that dies fails
 * its unanswered passes with UNAVAILABLE (the client may retry) and is replaced by a fresh one that reloads every
 * model before it takes new passes.
 */
export class ForwardPool {
  private readonly slots: Slot[] = [];
  /** What each loaded model was built from, to reload it into a replacement worker. */
  private readonly models = new Map<string, { artifactKey: string; files: ModelFiles }>();
  private nextId = 1;
  private closing = false;

  constructor(private readonly opts: ForwardPoolOptions) {
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new RangeError(`a forward pool needs at least one worker, got ${opts.size}`);
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn(i));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker has started its backend; rejects when one could not (the service must not start). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Builds the model from `files` in every worker, under `modelId`. */
  async load(modelId: string, artifactKey: string, files: ModelFiles): Promise<void> {
    this.models.set(modelId, { artifactKey, files });
    try {
      await Promise.all(this.slots.map((slot) => this.send(slot, { op: 'load', modelId, artifactKey, files })));
    } catch (err) {
      this.unload(modelId);
      throw err;
    }
  }

  /** Class probabilities of each input, computed by the least busy worker. */
  async predict(modelId: string, inputs: Float32Array[]): Promise<number[][]> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) throw unavailable('no forward-pass worker is running; retry shortly');
    const slot = live.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    return (await this.send(slot, { op: 'predict', modelId, inputs }))!;
  }

  /** Frees the model in every worker; replacement workers no longer load it. */
  unload(modelId: string): void {
    this.models.delete(modelId);
    for (const slot of this.slots) if (slot.alive) this.send(slot, { op: 'unload', modelId }).catch(() => undefined);
  }

  /**
   * Stops worker `index` at once and starts a fresh one in its place, as when it crashes: its unanswered passes
   * fail with UNAVAILABLE. For an operator's stuck worker, and how the tests crash one.
   */
  async restartWorker(index: number): Promise<void> {
    const slot = this.slots[index];
    if (!slot) throw new RangeError(`no forward worker ${index}`);
    await slot.worker.terminate(); // the exit handler replaces it
    await this.slots[index]!.ready;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send(slot: Slot, request: ForwardRequestBody): Promise<number[][] | undefined> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...request, id } as ForwardRequest);
    });
  }

  private spawn(index: number): Slot {
    const data: ForwardWorkerData = { backend: this.opts.backend };
    const worker = createWorker(this.opts.workerModule ?? WORKER_MODULE, { workerData: data });
    let started!: () => void;
    let failed!: (err: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    ready.catch(() => undefined); // observed by ready() or restartWorker(); a later crash must not be unhandled
    const slot: Slot = { index, worker, pending: new Map(), ready, started: false, alive: true };
    let lastError: Error | undefined;
    worker.on('message', (m: ForwardReply) => {
      if ('op' in m) {
        slot.started = true;
        return started();
      }
      const waiting = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (m.ok) waiting?.resolve(m.probabilities);
      else waiting?.reject(new Error(m.message));
    });
    worker.on('error', (err) => (lastError = err));
    worker.on('exit', (code) => {
      slot.alive = false;
      const why = `forward-pass worker ${index} stopped (exit code ${code}${lastError ? `: ${lastError.message}` : ''})`;
      failed(new Error(why));
      for (const waiting of slot.pending.values()) waiting.reject(unavailable(`${why}; retry the request`));
      slot.pending.clear();
      if (this.closing) return;
      this.opts.logger.error({ worker: index, code, err: lastError?.message }, 'forward-pass worker stopped; starting a fresh one');
      if (slot.started) this.replace(index);
      else setTimeout(() => this.closing || this.replace(index), FAILED_START_RETRY_MS).unref();
    });
    return slot;
  }

  /** A fresh worker in slot `index`, given every loaded model before any new pass (its requests run in order). */
  private replace(index: number): void {
    const slot = this.spawn(index);
    this.slots[index] = slot;
    for (const [modelId, { artifactKey, files }] of this.models) {
      this.send(slot, { op: 'load', modelId, artifactKey, files }).catch((err: Error) =>
        this.opts.logger.error({ worker: index, modelId, err: err.message }, 'a replacement forward worker could not load a model'),
      );
    }
  }
}
