import { EventEmitter } from 'node:events';
import type { ArtifactStore } from '@ser/artifacts';
import type { FeatureServiceClient, RunProgress } from '@ser/contracts';
import { TOPICS, type EventBus } from '@ser/events';
import { DomainError, invalidArgument, toGrpcError } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { createRunQueries, RunQueue, RUN_STATUS_TO_PROTO, watchRun } from '@ser/runs';
import { createWorker } from '@ser/runtime';
import type { MetadataStore, Run } from '@ser/store';
import { ZodError } from 'zod';
import { loadSequences } from './load-sequences';
import { pretrainConfigSchema, type PretrainConfig } from './pretrain-config';
import type { PretrainWorkerData, WorkerMessage } from './pretrain-worker';

const KIND = 'fop-pretrain';
const WORKER_URL = new URL('./pretrain-worker.ts', import.meta.url);

export interface RunManagerOptions {
  store: MetadataStore;
  bus: EventBus;
  artifacts: ArtifactStore;
  features: FeatureServiceClient;
  logger: Logger;
  /** This replica's identity: runs it claims carry it, and it resumes its own runs after a crash. */
  instanceId: string;
  /** Folder of the local artifact store, which the worker thread opens itself. */
  artifactsRoot: string;
  /** A running run whose owner has not updated it for this long is taken over (its owner died). */
  leaseMs?: number;
}

/**
 * FOP pre-training runs of this replica: start (validate, queue), execute one at a time in a worker thread,
 * record progress, checkpoints and curves, cancel, watch, and resume after a crash from the last checkpoint.
 */
export class FopRunManager {
  private readonly progress = new EventEmitter();
  private readonly queries;
  private readonly queue: RunQueue;

  constructor(private readonly opts: RunManagerOptions) {
    this.queries = createRunQueries(opts.store, opts.bus, KIND);
    this.queue = new RunQueue({ ...opts, kind: KIND, execute: (run) => this.execute(run), fail: (runId, message) => this.finish(runId, 'failed', message) });
    this.progress.setMaxListeners(0);
  }

  async start(configJson: string, datasetVersionIds: string[], displayName?: string): Promise<Run> {
    let config: PretrainConfig;
    try {
      const raw = configJson ? JSON.parse(configJson) : {};
      config = pretrainConfigSchema.parse({ ...raw, datasetVersionIds: datasetVersionIds.length ? datasetVersionIds : raw.datasetVersionIds });
    } catch (err) {
      if (err instanceof SyntaxError) throw invalidArgument(`config_json is not JSON: ${err.message}`, [{ field: 'config_json', description: 'invalid JSON' }]);
      if (err instanceof ZodError) throw toGrpcError(err);
      throw err;
    }
    for (const id of config.datasetVersionIds) {
      if (!(await this.opts.store.datasets.getVersion(id))) throw new DomainError('NOT_FOUND', `dataset version '${id}' not found`, { violations: [{ field: 'dataset_version_ids', description: id }] });
    }
    const run = await this.opts.store.runs.create({
      kind: KIND,
      config: { ...config, ...(displayName ? { displayName } : {}) },
      lineage: { datasetVersionIds: config.datasetVersionIds },
    });
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
  list = (page: Parameters<ReturnType<typeof createRunQueries>['list']>[0]) => this.queries.list(page);

  /** Progress of a run as it happens: a snapshot first, then every update, until the run ends. */
  watch = (runId: string) => watchRun(runId, () => this.queries.get(runId), this.progress);

  /** Picks up queued runs and this replica's (or a dead replica's) interrupted ones. */
  recover = () => this.queue.recover();

  stop = () => this.queue.stop();

  private async execute(claimed: Run): Promise<void> {
    const { store, logger } = this.opts;
    const runId = claimed.id;
    const log = logger.child({ runId });
    const config = pretrainConfigSchema.parse(claimed.config);
    const last = await store.checkpoints.latestForRun(runId);
    await this.publishStatus(claimed, last ? `resuming after epoch ${last.epoch}` : 'loading features');
    let sequences: Float32Array[];
    try {
      sequences = await loadSequences(this.opts.features, config.datasetVersionIds);
    } catch (err) {
      return this.finish(runId, 'failed', `could not read features: ${(err as Error).message}`);
    }
    log.info({ utterances: sequences.length, resumeFrom: last?.artifactKey }, 'pre-training started');
    const data: PretrainWorkerData = { runId, config, sequences, artifactsRoot: this.opts.artifactsRoot, resumeFrom: last?.artifactKey };
    const worker = createWorker(WORKER_URL, { workerData: data, transferList: sequences.map((s) => s.buffer as ArrayBuffer) });
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
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'done') settle(() => this.finish(runId, m.status === 'cancelled' ? 'cancelled' : 'succeeded', `${m.status} after ${m.epochsCompleted} epochs`, { bestHeldOutLoss: m.bestHeldOut }));
        else if (m.type === 'failed') settle(() => this.finish(runId, 'failed', m.message.split('\n')[0]!));
        else recorded = recorded.then(() => this.onWorkerMessage(runId, config, m)).catch((err: Error) => log.error({ err }, 'recording progress failed'));
      });
      worker.on('error', (err) => settle(() => this.finish(runId, 'failed', err.message)));
      worker.on('exit', () => settle(() => Promise.resolve())); // terminated by stop(): the run stays released
    });
  }

  private async onWorkerMessage(runId: string, config: PretrainConfig, m: WorkerMessage): Promise<void> {
    const { store, bus } = this.opts;
    if (m.type === 'started') {
      await store.runs.update(runId, { metrics: { backend: m.backend } as never });
    } else if (m.type === 'step') {
      const progress = Math.min(1, m.step / m.totalSteps);
      await store.runs.update(runId, { progress, metrics: { trainLoss: m.loss } });
      this.emit(runId, { status: 'RUN_STATUS_RUNNING', progress, epoch: m.epoch, totalEpochs: config.epochs, step: m.step, totalSteps: m.totalSteps, losses: { train: m.loss } });
    } else if (m.type === 'epoch') {
      const metrics = { trainLoss: m.trainLoss, heldOutLoss: m.heldOutLoss };
      const checkpoint = await store.checkpoints.add({ runId, epoch: m.epoch, artifactKey: m.checkpointPrefix, metrics });
      await store.runs.appendMetrics(runId, [
        { name: 'trainLoss', epoch: m.epoch, value: m.trainLoss },
        { name: 'heldOutLoss', epoch: m.epoch, value: m.heldOutLoss },
      ]);
      const run = await store.runs.update(runId, { metrics, lineage: m.best ? { bestCheckpointId: checkpoint.id } : {} });
      await bus.publish(TOPICS.checkpointSaved, { runId, runKind: KIND, checkpointId: checkpoint.id, epoch: m.epoch, artifactKey: m.checkpointPrefix, metrics }, { key: runId });
      this.emit(runId, { status: 'RUN_STATUS_RUNNING', progress: run.progress, epoch: m.epoch, totalEpochs: config.epochs, step: m.step, losses: { train: m.trainLoss, heldOut: m.heldOutLoss }, message: `epoch ${m.epoch} checkpoint saved` });
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
    await this.opts.bus.publish(TOPICS.runStatus, { runId: run.id, runKind: KIND, status: run.status, progress: run.progress, message }, { key: run.id });
    this.emit(run.id, { status: RUN_STATUS_TO_PROTO[run.status], progress: run.progress, message: message ?? run.status });
  }

  private emit(runId: string, p: Omit<RunProgress, 'runId' | 'atMs'>): void {
    this.progress.emit(runId, { runId, atMs: Date.now(), ...p });
  }
}
