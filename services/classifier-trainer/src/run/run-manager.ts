import type { ArtifactStore, ArtifactStoreSpec } from '@ser/artifacts';
import type {
  Checkpoint as ProtoCheckpoint,
  ClassifierEvaluation,
  FeatureServiceClient,
  GetClassifierRunRepresentationsResponse,
  ModelRegistryServiceClient,
  Run as ProtoRun,
} from '@ser/contracts';
import { TOPICS } from '@ser/events';
import { failedPrecondition, notFound } from '@ser/grpc-kit';
import { planClassifierRun, RunLifecycle, type RunLifecycleOptions, type StartClassifierRun } from '@ser/runs';
import { createWorker } from '@ser/runtime';
import type { Run } from '@ser/store';
import { classifierRunConfigSchema, maxEpochsPerFold, type ClassifierRunConfig } from './classifier-config';
import { evaluationToProto, runMetrics, type RunEvaluation } from './evaluation';
import { methodFor } from '../methods';
import { representationsKey, type StoredRepresentations } from '../methods/sequence/sequence-representations';
import { registerRunModel, type RegisteredRunModel } from '../registry/register-run-model';
import { withRegistryRetry, type RetryPolicy } from '../registry/registry-retry';
import { normalizationLimits } from '../methods/hypercolumns/feature-normalization';
import { writeRunModelCard } from '../registry/run-model-card';
import { workerDataFor, type ClassifierWorkerData, type WorkerMessage } from './worker-data';

const KIND = 'classifier';
const WORKER_URL = new URL('./classifier-worker.ts', import.meta.url);
export const evaluationKey = (runId: string) => `evaluations/${runId}.json`;

/** The shared lifecycle's (store, bus, logger, instanceId, metrics), and what the methods read from. */
export interface ClassifierRunManagerOptions extends Omit<RunLifecycleOptions, 'kind' | 'announceFinalMetrics'> {
  artifacts: ArtifactStore;
  features: FeatureServiceClient;
  /** Where a succeeded run's kept model is registered (ModelRegistryService owns model_versions). */
  registry: ModelRegistryServiceClient;
  /** The artifact store, as the worker thread opens it itself. */
  artifactStore: ArtifactStoreSpec;
  /** How long a run's end waits for an unavailable registry (default REGISTRY_RETRY). */
  registryRetry?: RetryPolicy;
}

export type { StartClassifierRun };

/**
 * Classifier runs of this replica on the shared run lifecycle (@ser/runs RunLifecycle: queue, watch, cancel,
 * recovery, a run's end): start (validate, resolve the lineage, queue: @ser/runs' planClassifierRun), execute in a worker thread over
 * the protocol's repeats x folds, record progress, curves, the kept model and the evaluation. An interrupted run
 * is queued again by recover() and starts over.
 */
export class ClassifierRunManager extends RunLifecycle {
  constructor(private readonly opts: ClassifierRunManagerOptions) {
    // A succeeded run's status event carries its evaluation's summary metrics.
    super({ ...opts, kind: KIND, announceFinalMetrics: true });
  }

  /** Validates and queues a run: planClassifierRun, as the gateway queues one while no trainer is up. */
  async start(req: StartClassifierRun): Promise<Run> {
    return this.enqueue(await planClassifierRun(this.opts.store, req));
  }

  override cancel = async (runId: string) => {
    const run = await this.queries.cancel(runId);
    // A queued run never reaches a worker, so its watchers hear the end from here.
    if (!this.queue.signalCancel(runId) && !this.queue.isExecuting(runId))
      this.emit(runId, { status: run.status, progress: run.progress, message: 'cancelled before it started' });
    return run;
  };

  /** A run with the checkpoints it saved (the model kept for serving), oldest first. */
  async getWithCheckpoints(runId: string): Promise<{ run: ProtoRun; checkpoints: ProtoCheckpoint[] }> {
    const run = await this.queries.get(runId);
    const checkpoints = await this.opts.store.checkpoints.listForRun(runId);
    return {
      run,
      checkpoints: checkpoints.map((c) => ({
        id: c.id,
        runId: c.runId,
        kind: 'RUN_KIND_CLASSIFIER',
        uri: c.artifactKey,
        epoch: c.epoch,
        metrics: Object.fromEntries(Object.entries(c.metrics).filter((e): e is [string, number] => typeof e[1] === 'number')),
        lineage: run.lineage,
        createdAtMs: c.createdAt.getTime(),
      })),
    };
  }

  /** The stored evaluation of a succeeded run, as the proto message. */
  async evaluation(runId: string): Promise<ClassifierEvaluation> {
    const run = await this.queries.get(runId); // INVALID_ARGUMENT / NOT_FOUND
    if (run.status !== 'RUN_STATUS_SUCCEEDED') throw failedPrecondition(`run ${runId} has no evaluation (status ${run.status})`, 'EVALUATION_NOT_READY');
    if (!(await this.opts.artifacts.exists(evaluationKey(runId)))) throw notFound('evaluation of run', runId);
    return evaluationToProto(JSON.parse((await this.opts.artifacts.get(evaluationKey(runId))).toString('utf8')) as RunEvaluation);
  }

  /** The test-utterance representations a succeeded sequence-model run kept, as the proto message. */
  async representations(runId: string): Promise<GetClassifierRunRepresentationsResponse> {
    const run = await this.queries.get(runId); // INVALID_ARGUMENT / NOT_FOUND
    if (run.status !== 'RUN_STATUS_SUCCEEDED') throw failedPrecondition(`run ${runId} has no representations (status ${run.status})`, 'EVALUATION_NOT_READY');
    if (!(await this.opts.artifacts.exists(representationsKey(runId)))) throw notFound('representations of run', runId); // only sequence-model runs keep them
    const stored = JSON.parse((await this.opts.artifacts.get(representationsKey(runId))).toString('utf8')) as StoredRepresentations;
    return {
      runId,
      features: stored.features,
      utterances: stored.utterances.map((u) => ({ utteranceId: u.utteranceId, label: u.label, deep: u.deep, fused: u.fused ?? [] })),
    };
  }

  /** An interrupted classifier run restarts from its first fold (recover() queues it again). */
  protected async execute(claimed: Run): Promise<void> {
    const runId = claimed.id;
    const { store, logger } = this.opts;
    const log = logger.child({ runId });
    const config = classifierRunConfigSchema.parse(claimed.config);
    await this.publishStatus(claimed, 'loading features');
    let data: ClassifierWorkerData;
    try {
      const prepared = await methodFor(config.method).prepare({ store, features: this.opts.features, artifacts: this.opts.artifacts }, config);
      data = workerDataFor(runId, config, prepared, this.opts.artifactStore);
    } catch (err) {
      return this.finish(runId, 'failed', `could not prepare the run: ${(err as Error).message}`);
    }
    if ((await store.runs.get(runId))?.status === 'cancelled') return this.finish(runId, 'cancelled', 'cancelled while loading features');
    log.info(
      { method: config.method, utterances: data.data.items.length, classes: data.data.classes, checkpoint: claimed.lineage.checkpointId },
      'training started',
    );
    const worker = createWorker(WORKER_URL, { workerData: data, transferList: data.data.sequences.map((s) => s.buffer as ArrayBuffer) });
    await this.superviseWorker<WorkerMessage>(runId, worker, {
      final: (m) =>
        m.type === 'done' ? () => (m.evaluation ? this.succeed(runId, config, m.evaluation) : this.finish(runId, 'cancelled', 'cancelled')) : undefined,
      record: (m) => this.onWorkerMessage(runId, config, m),
    });
  }

  private async onWorkerMessage(runId: string, config: ClassifierRunConfig, m: WorkerMessage): Promise<void> {
    const { store, bus } = this.opts;
    if (m.type === 'started') {
      await store.runs.update(runId, { metrics: { backend: m.backend } as never });
    } else if (m.type === 'epoch') {
      const units = config.repeats * m.totalFolds;
      const done = m.repeat * m.totalFolds + m.fold;
      const epochs = maxEpochsPerFold(config);
      const progress = Math.min(0.99, (done + (m.epoch + 1) / epochs) / units);
      const curve = `r${m.repeat}f${m.fold}`;
      await store.runs.appendMetrics(runId, [
        { name: `trainLoss.${curve}`, epoch: m.epoch, value: m.trainLoss },
        { name: `validationLoss.${curve}`, epoch: m.epoch, value: m.validationLoss },
      ]);
      await store.runs.update(runId, { progress, metrics: { trainLoss: m.trainLoss, validationLoss: m.validationLoss } });
      this.emit(runId, {
        status: 'RUN_STATUS_RUNNING',
        progress,
        epoch: m.epoch,
        totalEpochs: epochs,
        losses: { train: m.trainLoss, validation: m.validationLoss },
        message: `repeat ${m.repeat} fold ${m.fold} epoch ${m.epoch}`,
      });
    } else if (m.type === 'fold') {
      const progress = Math.min(0.99, (m.repeat * m.totalFolds + m.fold + 1) / (config.repeats * m.totalFolds));
      await store.runs.update(runId, { progress });
      this.emit(runId, {
        status: 'RUN_STATUS_RUNNING',
        progress,
        message: `repeat ${m.repeat} fold ${m.fold} evaluated: WA ${m.wa.toFixed(3)} UA ${m.ua.toFixed(3)}`,
      });
    } else if (m.type === 'model') {
      const metrics: Record<string, number> = m.validationLoss === null ? {} : { validationLoss: m.validationLoss }; // SVM / forest: no validation loss
      // Together, so a crash between them cannot leave a model checkpoint the run's lineage does not name.
      const checkpoint = await store.transaction(async (tx) => {
        const added = await tx.checkpoints.add({ runId, epoch: Math.max(0, m.bestEpoch), artifactKey: m.artifactKey, metrics });
        await tx.runs.update(runId, { lineage: { modelCheckpointId: added.id, modelArtifactKey: m.artifactKey } });
        return added;
      });
      await bus.publish(
        TOPICS.checkpointSaved,
        { runId, runKind: KIND, checkpointId: checkpoint.id, epoch: checkpoint.epoch, artifactKey: m.artifactKey, metrics },
        { key: runId },
      );
    }
  }

  private async succeed(runId: string, config: ClassifierRunConfig, evaluation: RunEvaluation): Promise<void> {
    await this.opts.artifacts.put(evaluationKey(runId), Buffer.from(JSON.stringify(evaluation, null, 2)));
    const metrics = runMetrics(evaluation.summary);
    await this.opts.store.runs.update(runId, { lineage: { evaluationKey: evaluationKey(runId) } });
    const summary = `WA ${metrics.wa!.toFixed(3)} UA ${metrics.ua!.toFixed(3)} over ${evaluation.repeats.length} repeat(s)`;
    // Registered (and its card written) before the run reads succeeded, so a watcher that sees SUCCEEDED finds its
    // model version and card. A registry that is briefly down is waited for (registry-retry.ts); one that stays down,
    // or refuses the run, fails it: a SUCCEEDED run always has its model registered.
    let version: RegisteredRunModel | null;
    try {
      version = await withRegistryRetry(`registering run ${runId}'s kept model`, () => registerRunModel(this.opts, runId, metrics), this.opts.registryRetry, {
        onRetry: (attempt, delayMs, err) => {
          this.opts.logger.warn({ err, runId, attempt, delayMs }, 'model registry unavailable; retrying the registration');
          this.emit(runId, {
            status: 'RUN_STATUS_RUNNING',
            progress: 0.99,
            message: `${summary}; model registry unavailable, retrying in ${Math.round(delayMs / 1000)} s`,
          });
        },
      });
    } catch (err) {
      this.opts.logger.error({ err, runId }, 'registering the model version failed');
      const kept = (await this.opts.store.runs.get(runId))?.lineage.modelArtifactKey;
      return this.finish(runId, 'failed', `${summary}, but its kept model${kept ? ` (${kept})` : ''} was not registered: ${(err as Error).message}`, metrics);
    }
    if (version) {
      // The card is documentation: the registered version serves without it.
      await writeRunModelCard(this.opts, version, evaluation, [...(config.knownLimits ?? []), ...normalizationLimits(config)]).catch((err: Error) =>
        this.opts.logger.error({ err, runId }, 'writing the model card failed'),
      );
    }
    await this.finish(runId, 'succeeded', summary, metrics);
  }
}
