import type { Worker } from 'node:worker_threads';
import type { Logger } from '@ser/logging';
import type { MetadataStore, Run } from '@ser/store';

export interface RunQueueOptions {
  store: MetadataStore;
  /** Run kind this queue executes (fop-pretrain, classifier, ...). */
  kind: string;
  /** This replica's identity: runs it claims carry it, and it resumes its own runs after a crash. */
  instanceId: string;
  logger: Logger;
  /** A running run whose owner has not updated it for this long is taken over (its owner died). */
  leaseMs?: number;
  /**
   * After recover(), how often to look for queued runs of this kind that no one scheduled here: another replica's
   * start, or a run queued while no trainer was up (a trainer scaled from zero). Default 5 s; 0: never.
   */
  pollIntervalMs?: number;
  /** Runs a claimed run to its end (or until its worker is terminated by stop()). */
  execute(run: Run): Promise<void>;
  /** Ends a run as failed after an error execute() did not handle. */
  fail(runId: string, message: string): Promise<void>;
}

const DEFAULT_POLL_INTERVAL_MS = 5_000;

/**
 * One replica's run queue, shared by every trainer: runs execute one at a time (a replica's cores or GPU are
 * one resource), each claimed in the store first so exactly one replica runs it; runs left behind by a crash
 * (this replica's, or a dead one's whose lease expired) are picked up again; queued runs are polled for, so the
 * store's queue is the way in and any idle replica takes the oldest; stop() hands the running one back.
 */
export class RunQueue {
  private draining = Promise.resolve();
  private stopped = false;
  /** Scheduled here and not finished: a poll must not queue them twice, nor take back one this replica runs. */
  private readonly pending = new Set<string>();
  private poller?: NodeJS.Timeout;
  private polling = false;
  private executing?: string;
  private active?: { runId: string; worker: Worker };

  constructor(private readonly opts: RunQueueOptions) {}

  schedule(runId: string): void {
    if (this.pending.has(runId)) return;
    this.pending.add(runId);
    this.draining = this.draining
      .then(async () => {
        if (this.stopped) return;
        const claimed = await this.opts.store.runs.claim(runId, this.opts.instanceId);
        if (!claimed) return; // cancelled meanwhile, or another replica took it
        this.executing = runId;
        try {
          await this.opts.execute(claimed);
        } finally {
          this.executing = undefined;
          this.active = undefined;
        }
      })
      .catch(async (err: Error) => {
        this.opts.logger.error({ err, runId }, 'run execution failed');
        // A run never stays 'running' behind an error: it fails with the reason.
        await this.opts.fail(runId, err.message).catch(() => {});
      })
      .finally(() => this.pending.delete(runId));
  }

  /** The worker thread executing a run, so cancel() can reach it and stop() can end it. */
  attach(runId: string, worker: Worker): void {
    this.active = { runId, worker };
  }

  /** True from a run's claim to its end. */
  isExecuting(runId: string): boolean {
    return this.executing === runId;
  }

  /** Asks the run's worker to stop at its next step; false when no worker of this replica runs it. */
  signalCancel(runId: string): boolean {
    if (this.active?.runId !== runId) return false;
    this.active.worker.postMessage({ type: 'cancel' });
    return true;
  }

  /** Queues this kind's queued runs and the interrupted ones this replica may take, then starts polling. */
  async recover(): Promise<void> {
    const leaseMs = this.opts.leaseMs ?? 120_000;
    const page = await this.opts.store.runs.list({ kind: this.opts.kind, status: ['queued', 'running'] }, { first: 1000 });
    for (const { node: run } of page.edges) {
      if (this.pending.has(run.id)) continue;
      if (run.status === 'running') {
        const stale = Date.now() - run.updatedAt.getTime() > leaseMs;
        if (run.claimedBy !== this.opts.instanceId && !stale) continue;
        await this.opts.store.runs.release(run.id, run.claimedBy!);
        this.opts.logger.info({ runId: run.id, previousOwner: run.claimedBy }, 'resuming an interrupted run');
      }
      this.schedule(run.id);
    }
    const interval = this.opts.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (interval > 0 && !this.poller && !this.stopped) this.poller = setInterval(() => void this.poll(), interval).unref();
  }

  /**
   * Schedules the queued runs of this kind not yet scheduled here, oldest first. Only queued ones: a running run
   * whose owner is slow to report is not taken from it on a timer (recover() at start-up handles dead owners).
   */
  async poll(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      const page = await this.opts.store.runs.list({ kind: this.opts.kind, status: ['queued'] }, { first: 1000 });
      const queued = page.edges.map((e) => e.node).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      for (const run of queued) if (!this.stopped) this.schedule(run.id);
    } catch (err) {
      this.opts.logger.warn({ err, kind: this.opts.kind }, 'polling the run queue failed; trying again at the next interval');
    } finally {
      this.polling = false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    // Held locally: the worker's exit handler clears this.active while terminate() is awaited.
    const active = this.active;
    if (active) {
      // Hand the run back so this replica (after a restart) or another one resumes it.
      await active.worker.terminate();
      await this.opts.store.runs.release(active.runId, this.opts.instanceId).catch(() => null);
    }
    await this.draining.catch(() => {});
  }
}
