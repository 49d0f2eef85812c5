import type { Worker } from 'node:worker_threads';
import { unavailable } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { createWorker } from '@ser/runtime';

/**
 * What a pooled worker thread says: `{ op: 'ready' }` once it can take requests, then exactly one reply per request,
 * with the request's id. `Answer` and `Failure` are the rest of a successful and of a failed reply.
 */
export type PoolReply<Answer, Failure> = { op: 'ready' } | ({ id: number; ok: true } & Answer) | ({ id: number; ok: false } & Failure);

export interface WorkerPoolOptions<Failure> {
  /** What errors and logs call one worker: "forward-pass worker" gives "forward-pass worker 0 stopped ...". */
  name: string;
  size: number;
  workerModule: URL;
  /** Handed to every worker at start, replacements included. */
  workerData?: object;
  logger: Logger;
  /** The error a failed reply rejects its request with. */
  toError(failure: Failure): Error;
  /**
   * A worker that died before it said ready is started again after this many ms (a start that can fail now and work
   * later); unset: it stays dead, requests go to the others, and ready() reports it.
   */
  failedStartRetryMs?: number;
  /** Called with the index of a fresh worker that replaced a dead one, before any other request reaches it. */
  onReplaced?(index: number): void;
}

interface Pending<Answer> {
  resolve(answer: Answer): void;
  reject(err: Error): void;
}

/** One worker thread with its unanswered requests. */
interface Slot<Answer> {
  worker: Worker;
  pending: Map<number, Pending<Answer>>;
  /** Resolves when the worker said ready; rejects when it died first. */
  ready: Promise<void>;
  started: boolean;
  alive: boolean;
}

/**
 * A fixed number of worker threads answering numbered requests, each sent to the live worker with the fewest
 * unanswered ones. A worker that dies fails its unanswered requests with UNAVAILABLE (the client may retry) and is
 * replaced by a fresh one; what a replacement must be given first (models to load) is onReplaced's to send.
 */
export class WorkerPool<Request extends object, Answer, Failure> {
  private readonly slots: Slot<Answer>[] = [];
  private nextId = 1;
  private closing = false;

  constructor(private readonly opts: WorkerPoolOptions<Failure>) {
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new RangeError(`a pool of ${opts.name}s needs at least one worker, got ${opts.size}`);
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn(i));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker is ready; rejects when one died first (a service must not start on it). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** `request`, answered by the live worker with the fewest unanswered requests. */
  request(request: Request): Promise<Answer> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) return Promise.reject(unavailable(`no ${this.opts.name} is running; retry shortly`));
    return this.send(
      live.reduce((best, s) => (s.pending.size < best.pending.size ? s : best)),
      request,
    );
  }

  /** `request`, answered by worker `index`: a worker answers its requests in the order they were sent. */
  requestTo(index: number, request: Request): Promise<Answer> {
    const slot = this.slots[index];
    if (!slot?.alive) return Promise.reject(unavailable(`${this.opts.name} ${index} is not running; retry shortly`));
    return this.send(slot, request);
  }

  /** `request` to every live worker, each answering once; a dead one gets what it needs from onReplaced. */
  async requestEach(request: Request): Promise<Answer[]> {
    return Promise.all(this.slots.flatMap((s, i) => (s.alive ? [this.requestTo(i, request)] : [])));
  }

  /**
   * Stops worker `index` at once and starts a fresh one in its place, as when it crashes: its unanswered requests
   * fail with UNAVAILABLE. For an operator's stuck worker, and how the tests crash one.
   */
  async restartWorker(index: number): Promise<void> {
    const slot = this.slots[index];
    if (!slot) throw new RangeError(`no ${this.opts.name} ${index}`);
    await slot.worker.terminate(); // the exit handler replaces it
    await this.slots[index]!.ready;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send(slot: Slot<Answer>, request: Request): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...request, id }); // typed arrays are copied: the caller keeps its own
    });
  }

  private spawn(index: number): Slot<Answer> {
    const { name, workerModule, workerData, logger } = this.opts;
    const worker = createWorker(workerModule, workerData ? { workerData } : {});
    let started!: () => void;
    let failed!: (err: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    ready.catch(() => undefined); // observed by ready() or restartWorker(); a later crash must not be unhandled
    const slot: Slot<Answer> = { worker, pending: new Map(), ready, started: false, alive: true };
    let lastError: Error | undefined;
    worker.on('message', (m: PoolReply<Answer, Failure>) => {
      if ('op' in m) return ((slot.started = true), started());
      const waiting = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (m.ok) waiting?.resolve(m as Answer);
      else waiting?.reject(this.opts.toError(m as Failure));
    });
    worker.on('error', (err) => (lastError = err));
    worker.on('exit', (code) => {
      slot.alive = false;
      const why = `${name} ${index} stopped (exit code ${code}${lastError ? `: ${lastError.message}` : ''})`;
      failed(new Error(why));
      for (const waiting of slot.pending.values()) waiting.reject(unavailable(`${why}; retry the request`));
      slot.pending.clear();
      if (this.closing) return;
      const retry = slot.started ? 0 : this.opts.failedStartRetryMs;
      logger.error(
        { worker: index, code, err: lastError?.message },
        retry === undefined ? `${name} stopped before it started` : `${name} stopped; starting a fresh one`,
      );
      if (retry === 0) this.replace(index);
      else if (retry !== undefined) setTimeout(() => this.closing || this.replace(index), retry).unref();
    });
    return slot;
  }

  private replace(index: number): void {
    this.slots[index] = this.spawn(index);
    this.opts.onReplaced?.(index);
  }
}
