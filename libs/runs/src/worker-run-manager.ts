import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { RunProgress } from '@ser/contracts';
import { TOPICS, type EventBus, type RunKind } from '@ser/events';
import { DomainError, invalidArgument, toGrpcError } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import type { MetadataStore, Run } from '@ser/store';
import { ZodError } from 'zod';
import { createRunQueries, type RunQueries } from './run-queries';
import { RunQueue } from './run-queue';
import { RUN_STATUS_TO_PROTO } from './run-to-proto';
import type { TrainingMetrics } from './training-metrics';
import { watchRun } from './watch-run';

/**
 * What a training worker thread tells its run manager, in order. `losses` are what watchers see, `metrics` what
 * is stored on the run; each defaults from the other (step: metrics = losses prefixed `train`; epoch: losses =
 * metrics) so a worker names them separately only when its stored names must differ.
 */
export type TrainingWorkerMessage =
  | { type: 'started'; backend: string }
  | { type: 'step'; epoch: number; step: number; totalSteps: number; losses: Record<string, number>; metrics?: Record<string, number> }
  | { type: 'epoch'; epoch: number; step: number; metrics: Record<string, number>; losses?: Record<string, number>; checkpointPrefix: string; best: boolean }
  | { type: 'done'; status: 'completed' | 'stopped' | 'cancelled'; epochsCompleted: number; metrics: Record<string, number> }
  | { type: 'failed'; message: string };

export interface WorkerRunManagerOptions<C extends { datasetVersionIds: string[]; epochs: number }> {
  kind: RunKind;
  store: MetadataStore;
  bus: EventBus;
  logger: Logger;
  instanceId: string;
  leaseMs?: number;
  /** Validates a run's config (throws ZodError on unknown keys or wrong types). */
  parseConfig(raw: unknown): C;
  /** Loads what the run needs and starts its worker thread (which speaks TrainingWorkerMessage). */
  startWorker(run: Run, config: C, resumeFrom: string | undefined): Promise<Worker>;
  /** Epoch and loss gauges, set from the progress watchers see. */
  metrics?: TrainingMetrics;
}

/**
 * A trainer's runs executed in worker threads: start (validate, queue), one at a time, progress and losses
 * streamed to watchers, a checkpoint record and a `checkpoint.saved` event per epoch, cancel, and resume from
 * the last checkpoint after a crash. The service supplies only its config schema and how to start a worker.
 */
export class WorkerRunManager<C extends { datasetVersionIds: string[]; epochs: number }> {
  private readonly progress = new EventEmitter();
  private readonly queries: RunQueries;
  private readonly queue: RunQueue;

  constructor(private readonly opts: WorkerRunManagerOptions<C>) {
    this.queries = createRunQueries(opts.store, opts.bus, opts.kind);
    this.queue = new RunQueue({ ...opts, execute: (run) => this.execute(run), fail: (runId, message) => this.finish(runId, 'failed', message) });
    this.progress.setMaxListeners(0);
  }

  async start(configJson: string, datasetVersionIds: string[], displayName?: string): Promise<Run> {
    let config: C;
    try {
      const raw = configJson ? JSON.parse(configJson) : {};
      config = this.opts.parseConfig({ ...raw, datasetVersionIds: datasetVersionIds.length ? datasetVersionIds : raw.datasetVersionIds });
    } catch (err) {
      if (err instanceof SyntaxError) throw invalidArgument(`config_json is not JSON: ${err.message}`, [{ field: 'config_json', description: 'invalid JSON' }]);
      if (err instanceof ZodError) throw toGrpcError(err);
      throw err;
    }
    for (const id of config.datasetVersionIds) {
      if (!(await this.opts.store.datasets.getVersion(id))) throw new DomainError('NOT_FOUND', `dataset version '${id}' not found`, { violations: [{ field: 'dataset_version_ids', description: id }] });
    }
    const run = await this.opts.store.runs.create({ kind: this.opts.kind, config: { ...config, ...(displayName ? { displayName } : {}) }, lineage: { datasetVersionIds: config.datasetVersionIds } });
    await this.publishStatus(run);
    this.queue.schedule(run.id);
    return run;
  }

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

  private async execute(claimed: Run): Promise<void> {
    const runId = claimed.id;
    // The display name is stored beside the config, not part of it.
    const { displayName: _displayName, ...stored } = claimed.config;
    const config = this.opts.parseConfig(stored);
    const last = await this.opts.store.checkpoints.latestForRun(runId);
    await this.publishStatus(claimed, last ? `resuming after epoch ${last.epoch}` : 'loading features');
    let worker: Worker;
    try {
      worker = await this.opts.startWorker(claimed, config, last?.artifactKey);
    } catch (err) {
      return this.finish(runId, 'failed', `could not start training: ${(err as Error).message}`);
    }
    this.queue.attach(runId, worker);
    await new Promise<void>((resolve) => {
      let settled = false;
      // Messages are recorded in order, so the last checkpoint is stored before the run is marked finished.
      let recorded = Promise.resolve();
      const settle = (p: () => Promise<void>) => {
        if (settled) return;
        settled = true;
        recorded = recorded.then(p, p);
        void recorded.finally(resolve);
      };
      worker.on('message', (m: TrainingWorkerMessage) => {
        if (m.type === 'done') settle(() => this.finish(runId, m.status === 'cancelled' ? 'cancelled' : 'succeeded', `${m.status} after ${m.epochsCompleted} epochs`, m.metrics));
        else if (m.type === 'failed') settle(() => this.finish(runId, 'failed', m.message.split('\n')[0]!));
        else recorded = recorded.then(() => this.record(runId, config, m)).catch((err: Error) => this.opts.logger.error({ err, runId }, 'recording progress failed'));
      });
      worker.on('error', (err) => settle(() => this.finish(runId, 'failed', err.message)));
      worker.on('exit', () => settle(() => Promise.resolve())); // terminated by stop(): the run stays released
    });
  }

  private async record(runId: string, config: C, m: TrainingWorkerMessage): Promise<void> {
    const { store, bus, kind } = this.opts;
    if (m.type === 'started') {
      await store.runs.update(runId, { metrics: { backend: m.backend } as never });
    } else if (m.type === 'step') {
      const progress = Math.min(1, m.step / m.totalSteps);
      await store.runs.update(runId, { progress, metrics: m.metrics ?? prefixed('train', m.losses) });
      this.emit(runId, { status: 'RUN_STATUS_RUNNING', progress, epoch: m.epoch, totalEpochs: config.epochs, step: m.step, totalSteps: m.totalSteps, losses: m.losses });
    } else if (m.type === 'epoch') {
      const checkpoint = await store.checkpoints.add({ runId, epoch: m.epoch, artifactKey: m.checkpointPrefix, metrics: m.metrics });
      await store.runs.appendMetrics(runId, Object.entries(m.metrics).map(([name, value]) => ({ name, epoch: m.epoch, value })));
      const run = await store.runs.update(runId, { metrics: m.metrics, lineage: m.best ? { bestCheckpointId: checkpoint.id } : {} });
      await bus.publish(TOPICS.checkpointSaved, { runId, runKind: kind, checkpointId: checkpoint.id, epoch: m.epoch, artifactKey: m.checkpointPrefix, metrics: m.metrics }, { key: runId });
      this.emit(runId, { status: 'RUN_STATUS_RUNNING', progress: run.progress, epoch: m.epoch, totalEpochs: config.epochs, step: m.step, losses: m.losses ?? m.metrics, message: `epoch ${m.epoch} checkpoint saved` });
    }
  }

  private async finish(runId: string, status: 'succeeded' | 'failed' | 'cancelled', message: string, metrics: Record<string, number> = {}): Promise<void> {
    const current = await this.opts.store.runs.get(runId);
    // A cancel recorded while the worker wound down stays a cancel.
    const final = current?.status === 'cancelled' ? 'cancelled' : status;
    const run = await this.opts.store.runs.update(runId, { status: final, progress: final === 'succeeded' ? 1 : current?.progress, metrics, error: final === 'failed' ? message : null });
    this.opts.logger.info({ runId, status: final, message }, 'run finished');
    await this.publishStatus(run, message);
  }

  private async publishStatus(run: Run, message?: string): Promise<void> {
    await this.opts.bus.publish(TOPICS.runStatus, { runId: run.id, runKind: this.opts.kind, status: run.status, progress: run.progress, message }, { key: run.id });
    this.emit(run.id, { status: RUN_STATUS_TO_PROTO[run.status], progress: run.progress, message: message ?? run.status });
  }

  private emit(runId: string, p: Omit<RunProgress, 'runId' | 'atMs'>): void {
    this.opts.metrics?.observe(this.opts.kind, p);
    this.progress.emit(runId, { runId, atMs: Date.now(), ...p });
  }
}

/** { loss: 1 } -> { trainLoss: 1 }: step losses stored beside the epoch metrics without clashing. */
function prefixed(prefix: string, losses: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(losses).map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
}
