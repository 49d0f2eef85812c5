// Training-recipe jobs started through the API (trainRecipe): the recipe's experiment plan run by this gateway,
// as `ser train` runs it, with its state kept here for queries and the trainingJobProgress subscription. The
// gateway queues each run in the store as its start mutations do (run-queueing.ts), so a recipe starts with no
// trainer pod up (KEDA scales them from the queue); following a run and reading its results wait for the pod.
//
// Why in the gateway's memory: a recipe is a short sequence of ordinary runs (pre-training, the registered
// classifier run, the baseline), each stored, watched and registered by its own trainer; the job only sequences
// them and gathers the result. So a gateway restart loses the job's summary, never a run or a model: the runs stay
// queryable by id and the model version stays registered. Each replica knows the jobs it started.
import { randomUUID } from 'node:crypto';
import { EventEmitter, on } from 'node:events';
import type { ServiceName } from '@ser/config';
import {
  closeExperimentBackend,
  connectExperimentBackend,
  runExperiment,
  type ExperimentBackend,
  type ExperimentResults,
  type PlannedRecipe,
} from '@ser/experiments';
import { bestOrLatestCheckpointId } from '@ser/runs';
import type { ServiceCaller } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { queueRun } from './run-queueing';
import type { GatewayStore } from './gateway-store';

export type TrainingJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One run of the recipe: what it is for and, once started, the run the trainer created. */
export interface TrainingJobStep {
  label: string;
  runId: string | null;
  /** 'pending', 'running', 'succeeded', 'reused run …', 'failed: …' as the executor reports it. */
  outcome: string;
  progress: number;
}

export interface TrainingJob {
  id: string;
  dataset: string;
  modelName: string;
  status: TrainingJobStatus;
  /** 0..1 over all steps. */
  progress: number;
  message: string | null;
  steps: TrainingJobStep[];
  /** The registered version, once the recipe's classifier run succeeded. */
  model: { name: string; version: number } | null;
  results: ExperimentResults | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export const isFinished = (job: TrainingJob) => job.status === 'succeeded' || job.status === 'failed';

export interface TrainingJobsOptions {
  store: GatewayStore;
  serviceAddresses: Record<ServiceName, string>;
  grpcDeadlineMs: number;
  serviceToken?: ServiceCaller;
  logger: Logger;
  /** The model name of the recipe's classifier runs that name none (the baseline), as startClassifierRun fills it. */
  defaultModelName?: string;
}

/** The jobs this gateway started; `changes` says which job moved, for the subscription. */
export class TrainingJobs {
  private readonly jobs = new Map<string, TrainingJob>();
  private readonly changes = new EventEmitter().setMaxListeners(0);
  private backend: ExperimentBackend | undefined;

  constructor(private readonly opts: TrainingJobsOptions) {}

  /** Queues the planned recipe and returns its job at once; the runs go on in the background. */
  start(planned: PlannedRecipe, command: string): TrainingJob {
    const { plan, modelName } = planned;
    const labels = [
      ...plan.pretraining.map((p) => `pre-training on ${p.datasetName}`),
      ...plan.classifierRuns.map((c) => `${plan.name} ${c.row} × ${c.column}`),
    ];
    const job: TrainingJob = {
      id: randomUUID(),
      dataset: plan.dataset,
      modelName,
      status: 'queued',
      progress: 0,
      message: null,
      steps: labels.map((label, i) => ({ label: `[${i + 1}/${labels.length}] ${label}`, runId: null, outcome: 'pending', progress: 0 })),
      model: null,
      results: null,
      error: null,
      createdAt: new Date(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    void this.execute(job, planned, command);
    return job;
  }

  get(id: string): TrainingJob | undefined {
    return this.jobs.get(id);
  }

  /** The job now, then after every change, ending with its final state. */
  async *watch(id: string, signal?: AbortSignal): AsyncGenerator<TrainingJob> {
    const job = this.jobs.get(id);
    if (!job) return;
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    // Listening starts before the first snapshot, so no change falls between the two.
    const events = on(this.changes, id, { signal: controller.signal });
    try {
      yield { ...job, steps: job.steps.map((s) => ({ ...s })) };
      if (isFinished(job)) return;
      for await (const _ of events) {
        yield { ...job, steps: job.steps.map((s) => ({ ...s })) };
        if (isFinished(job)) return;
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    } finally {
      controller.abort();
    }
  }

  /** Closes the gRPC clients; jobs still running end with their clients' errors (their runs go on in the trainers). */
  close(): void {
    if (this.backend) closeExperimentBackend(this.backend);
    this.backend = undefined;
  }

  private connect(): ExperimentBackend {
    if (this.backend) return this.backend;
    const a = this.opts.serviceAddresses;
    const store = this.opts.store;
    this.backend = {
      ...connectExperimentBackend(
        { features: a.features, fopPretrainer: a.fopPretrainer, classifierTrainer: a.classifierTrainer, vqvaePretrainer: a.vqvaePretrainer },
        this.opts.grpcDeadlineMs,
        this.opts.serviceToken,
        true,
      ),
      // A classifier run naming no model gets the platform's default from the planner, as startClassifierRun's do.
      queueRun: async (kind, request) =>
        (await queueRun(store, kind, kind === 'classifier' ? { ...request, defaultModelName: this.opts.defaultModelName } : request)).id,
      // The gateway reads the store, as the embedded `ser train` does, when a trainer names no checkpoint.
      lookupCheckpoint: (runId) => bestOrLatestCheckpointId(store, runId),
    };
    return this.backend;
  }

  private changed(job: TrainingJob): void {
    const steps = job.steps;
    job.progress = steps.reduce((sum, s) => sum + (s.outcome === 'pending' || s.outcome === 'running' ? s.progress : 1), 0) / steps.length;
    this.changes.emit(job.id);
  }

  private async execute(job: TrainingJob, { plan }: PlannedRecipe, command: string): Promise<void> {
    const step = (label: string) => job.steps.find((s) => s.label === label);
    job.status = 'running';
    this.changed(job);
    try {
      const results = await runExperiment(plan, this.connect(), {
        command,
        hooks: {
          onNote: (line) => {
            job.message = line;
            this.changed(job);
          },
          onRunStart: (label, runId) => {
            Object.assign(step(label) ?? {}, { runId, outcome: 'running' });
            this.changed(job);
          },
          onRunProgress: (label, fraction, note) => {
            Object.assign(step(label) ?? {}, { progress: fraction });
            job.message = note ? `${label}: ${note}` : label;
            this.changed(job);
          },
          onRunEnd: (label, outcome) => {
            Object.assign(step(label) ?? {}, { outcome, progress: 1 });
            this.changed(job);
          },
        },
      });
      const recipeCell = results.cells.find((c) => c.row === 'recipe');
      job.results = results;
      job.model = recipeCell?.model ?? null;
      job.status = recipeCell?.status === 'succeeded' && recipeCell.model ? 'succeeded' : 'failed';
      job.error = job.status === 'failed' ? `the recipe's classifier run failed: ${recipeCell?.error ?? 'no result'}` : null;
    } catch (err) {
      this.opts.logger.warn({ err, jobId: job.id }, 'training recipe failed');
      job.status = 'failed';
      job.error = (err as Error).message;
    }
    job.finishedAt = new Date();
    job.message = job.status === 'succeeded' ? `registered ${job.model!.name} version ${job.model!.version}` : job.error;
    this.changed(job);
  }
}
