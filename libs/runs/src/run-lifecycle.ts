import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { RunProgress } from '@ser/contracts';
import { TOPICS, type EventBus, type RunKind } from '@ser/events';
import type { Logger } from '@ser/logging';
import type { MetadataStore, NewRun, Run } from '@ser/store';
import { createRunQueries, type RunQueries } from './run-queries';
import { RunQueue } from './run-queue';
import { RUN_STATUS_TO_PROTO } from './run-to-proto';
import type { TrainingMetrics } from './training-metrics';
import { watchRun } from './watch-run';

export interface RunLifecycleOptions {
  kind: RunKind;
  store: MetadataStore;
  bus: EventBus;
  logger: Logger;
  /** This replica's identity: runs it claims carry it, and it resumes its own runs after a crash. */
  instanceId: string;
  /** A running run whose owner has not updated it for this long is taken over (its owner died). */
  leaseMs?: number;
  /** Epoch and loss gauges, set from the progress watchers see. */
  metrics?: TrainingMetrics;
  /** Whether a succeeded run's `run.status` event carries its final metrics (the classifier's evaluation). */
  announceFinalMetrics?: boolean;
}

/** How a trainer's worker thread says it failed; every trainer's worker protocol includes it. */
export interface WorkerFailed {
  type: 'failed';
  message: string;
}

export interface WorkerSupervision<M> {
  /** What ends the run for a final message ('done'); undefined for a message to record. */
  final(m: M): (() => Promise<void>) | undefined;
  /** Records a progress message; messages are recorded in order. */
  record(m: M): Promise<void>;
}

export type RunEnd = 'succeeded' | 'failed' | 'cancelled';

/**
 * The run lifecycle every trainer shares: queued runs claimed and executed one at a time in worker threads,
 * progress announced to watchers (gRPC streams) and on the bus, cancel, get, list, watch, recovery after a
 * crash, and a run's end recorded once. A trainer supplies how it executes a claimed run.
 */
export abstract class RunLifecycle {
  protected readonly progress = new EventEmitter();
  protected readonly queries: RunQueries;
  protected readonly queue: RunQueue;

  constructor(protected readonly lifecycle: RunLifecycleOptions) {
    this.queries = createRunQueries(lifecycle.store, lifecycle.bus, lifecycle.kind);
    this.queue = new RunQueue({ ...lifecycle, execute: (run) => this.execute(run), fail: (runId, message) => this.finish(runId, 'failed', message) });
    this.progress.setMaxListeners(0);
  }

  /** Runs a claimed run to its end (or until stop() terminates its worker). */
  protected abstract execute(claimed: Run): Promise<void>;

  cancel = async (runId: string) => {
    const run = await this.queries.cancel(runId);
    this.queue.signalCancel(runId);
    return run;
  };

  get = (runId: string) => this.queries.get(runId);
  list = (page: Parameters<RunQueries['list']>[0]) => this.queries.list(page);
  /** Progress of a run as it happens: a snapshot first, then every update, until the run ends. */
  watch = (runId: string) => watchRun(runId, () => this.queries.get(runId), this.progress);
  /** Picks up queued runs and this replica's (or a dead replica's) interrupted ones. */
  recover = () => this.queue.recover();
  stop = () => this.queue.stop();

  /** Stores a new run, announces it queued and queues it. */
  protected async enqueue(input: Omit<NewRun, 'kind'>): Promise<Run> {
    const run = await this.lifecycle.store.runs.create({ ...input, kind: this.lifecycle.kind });
    await this.publishStatus(run);
    this.queue.schedule(run.id);
    return run;
  }

  /**
   * Follows a started worker to the run's end: its messages recorded in order, so what it saved is stored before
   * the run is marked finished; a 'failed' message or a worker error fails the run; a worker terminated by stop()
   * leaves the run released for a later replica.
   */
  protected superviseWorker<M extends { type: string }>(runId: string, worker: Worker, handle: WorkerSupervision<M>): Promise<void> {
    this.queue.attach(runId, worker);
    return new Promise<void>((resolve) => {
      let settled = false;
      let recorded = Promise.resolve();
      const settle = (p: () => Promise<void>) => {
        if (settled) return;
        settled = true;
        recorded = recorded.then(p, p);
        void recorded.finally(resolve);
      };
      worker.on('message', (m: M | WorkerFailed) => {
        if (isFailed(m)) return settle(() => this.finish(runId, 'failed', m.message.split('\n')[0]!));
        const end = handle.final(m);
        if (end) settle(end);
        else recorded = recorded.then(() => handle.record(m)).catch((err: Error) => this.lifecycle.logger.error({ err, runId }, 'recording progress failed'));
      });
      worker.on('error', (err) => settle(() => this.finish(runId, 'failed', err.message)));
      worker.on('exit', () => settle(() => Promise.resolve()));
    });
  }

  /** Ends a run; a cancel recorded while the worker wound down stays a cancel. */
  protected async finish(runId: string, status: RunEnd, message: string, metrics: Record<string, number> = {}): Promise<void> {
    const current = await this.lifecycle.store.runs.get(runId);
    const final = current?.status === 'cancelled' ? 'cancelled' : status;
    const run = await this.lifecycle.store.runs.update(runId, {
      status: final,
      progress: final === 'succeeded' ? 1 : current?.progress,
      metrics,
      error: final === 'failed' ? message : null,
    });
    this.lifecycle.logger.info({ runId, status: final, message }, 'run finished');
    await this.publishStatus(run, message, final === 'succeeded' && this.lifecycle.announceFinalMetrics ? metrics : undefined);
  }

  protected async publishStatus(run: Run, message?: string, metrics?: Record<string, number>): Promise<void> {
    await this.lifecycle.bus.publish(
      TOPICS.runStatus,
      { runId: run.id, runKind: this.lifecycle.kind, status: run.status, progress: run.progress, message, ...(metrics ? { metrics } : {}) },
      { key: run.id },
    );
    this.emit(run.id, { status: RUN_STATUS_TO_PROTO[run.status], progress: run.progress, message: message ?? run.status });
  }

  protected emit(runId: string, p: Omit<RunProgress, 'runId' | 'atMs'>): void {
    this.lifecycle.metrics?.observe(this.lifecycle.kind, p);
    this.progress.emit(runId, { runId, atMs: Date.now(), ...p });
  }
}

function isFailed(m: { type: string }): m is WorkerFailed {
  return m.type === 'failed';
}
