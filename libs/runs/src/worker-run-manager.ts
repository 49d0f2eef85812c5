import type { Worker } from 'node:worker_threads';
import { TOPICS } from '@ser/events';
import type { Run } from '@ser/store';
import { planPretrainRun } from './configs/pretrain-start';
import { RunLifecycle, type RunLifecycleOptions } from './run-lifecycle';

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

export interface WorkerRunManagerOptions<C extends { datasetVersionIds: string[]; epochs: number }> extends Omit<RunLifecycleOptions, 'announceFinalMetrics'> {
  /** Validates a run's config (throws ZodError on unknown keys or wrong types). */
  parseConfig(raw: unknown): C;
  /** Loads what the run needs and starts its worker thread (which speaks TrainingWorkerMessage). */
  startWorker(run: Run, config: C, resumeFrom: string | undefined): Promise<Worker>;
}

/**
 * A pre-trainer's runs on the shared run lifecycle (run-lifecycle.ts): start (validate, queue), a checkpoint
 * record and a `checkpoint.saved` event per epoch, losses streamed to watchers, and resume from the last
 * checkpoint after a crash. The service supplies only its config schema and how to start a worker.
 */
export class WorkerRunManager<C extends { datasetVersionIds: string[]; epochs: number }> extends RunLifecycle {
  constructor(private readonly opts: WorkerRunManagerOptions<C>) {
    super(opts);
  }

  /** Validates and queues a run (INVALID_ARGUMENT / NOT_FOUND otherwise): planPretrainRun, as the gateway queues one. */
  async start(configJson: string, datasetVersionIds: string[], displayName?: string): Promise<Run> {
    return this.enqueue(await planPretrainRun(this.opts.store, (raw) => this.opts.parseConfig(raw), { configJson, datasetVersionIds, displayName }));
  }

  protected async execute(claimed: Run): Promise<void> {
    const runId = claimed.id;
    const config = this.opts.parseConfig(claimed.config);
    const last = await this.opts.store.checkpoints.latestForRun(runId);
    await this.publishStatus(claimed, last ? `resuming after epoch ${last.epoch}` : 'loading features');
    let worker: Worker;
    try {
      worker = await this.opts.startWorker(claimed, config, last?.artifactKey);
    } catch (err) {
      return this.finish(runId, 'failed', `could not start training: ${(err as Error).message}`);
    }
    await this.superviseWorker<TrainingWorkerMessage>(runId, worker, {
      final: (m) =>
        m.type === 'done'
          ? () => this.finish(runId, m.status === 'cancelled' ? 'cancelled' : 'succeeded', `${m.status} after ${m.epochsCompleted} epochs`, m.metrics)
          : undefined,
      record: (m) => this.record(runId, config, m),
    });
  }

  private async record(runId: string, config: C, m: TrainingWorkerMessage): Promise<void> {
    const { store, bus, kind } = this.opts;
    if (m.type === 'started') {
      await store.runs.update(runId, { metrics: { backend: m.backend } as never });
    } else if (m.type === 'step') {
      const progress = Math.min(1, m.step / m.totalSteps);
      await store.runs.update(runId, { progress, metrics: m.metrics ?? prefixed('train', m.losses) });
      this.emit(runId, {
        status: 'RUN_STATUS_RUNNING',
        progress,
        epoch: m.epoch,
        totalEpochs: config.epochs,
        step: m.step,
        totalSteps: m.totalSteps,
        losses: m.losses,
      });
    } else if (m.type === 'epoch') {
      // One transaction: a process killed between the checkpoint row and its curve point would resume after the
      // checkpoint and never write that epoch's point (CI saw a curve without epoch 2 after a SIGKILL).
      const { checkpoint, run } = await store.transaction(async (tx) => {
        const checkpoint = await tx.checkpoints.add({ runId, epoch: m.epoch, artifactKey: m.checkpointPrefix, metrics: m.metrics });
        await tx.runs.appendMetrics(
          runId,
          Object.entries(m.metrics).map(([name, value]) => ({ name, epoch: m.epoch, value })),
        );
        const run = await tx.runs.update(runId, { metrics: m.metrics, lineage: m.best ? { bestCheckpointId: checkpoint.id } : {} });
        return { checkpoint, run };
      });
      await bus.publish(
        TOPICS.checkpointSaved,
        { runId, runKind: kind, checkpointId: checkpoint.id, epoch: m.epoch, artifactKey: m.checkpointPrefix, metrics: m.metrics },
        { key: runId },
      );
      this.emit(runId, {
        status: 'RUN_STATUS_RUNNING',
        progress: run.progress,
        epoch: m.epoch,
        totalEpochs: config.epochs,
        step: m.step,
        losses: m.losses ?? m.metrics,
        message: `epoch ${m.epoch} checkpoint saved`,
      });
    }
  }
}

/** { loss: 1 } -> { trainLoss: 1 }: step losses stored beside the epoch metrics without clashing. */
function prefixed(prefix: string, losses: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(losses).map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
}
