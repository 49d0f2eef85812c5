import type { ArtifactStore, ArtifactStoreSpec } from '@ser/artifacts';
import type { FeatureServiceClient } from '@ser/contracts';
import type { EventBus } from '@ser/events';
import type { Logger } from '@ser/logging';
import { WorkerRunManager, type TrainingMetrics } from '@ser/runs';
import { createWorker } from '@ser/runtime';
import type { MetadataStore } from '@ser/store';
import { loadSequences } from './load-sequences';
import { pretrainConfigSchema, type PretrainConfig } from './pretrain-config';
import type { PretrainWorkerData } from './pretrain-worker';

const WORKER_URL = new URL('./pretrain-worker.ts', import.meta.url);

export interface RunManagerOptions {
  store: MetadataStore;
  bus: EventBus;
  artifacts: ArtifactStore;
  features: FeatureServiceClient;
  logger: Logger;
  /** This replica's identity: runs it claims carry it, and it resumes its own runs after a crash. */
  instanceId: string;
  /** The artifact store, as the worker thread opens it itself. */
  artifactStore: ArtifactStoreSpec;
  /** A running run whose owner has not updated it for this long is taken over (its owner died). */
  leaseMs?: number;
  metrics?: TrainingMetrics;
}

/**
 * FOP pre-training runs of this replica: the generic worker-thread run lifecycle (start, queue, progress,
 * a checkpoint per epoch, cancel, watch, resume after a crash) with FOP's config and worker.
 */
export class FopRunManager extends WorkerRunManager<PretrainConfig> {
  constructor(opts: RunManagerOptions) {
    const { features, artifactStore, logger } = opts;
    super({
      kind: 'fop-pretrain',
      store: opts.store,
      bus: opts.bus,
      logger,
      instanceId: opts.instanceId,
      leaseMs: opts.leaseMs,
      metrics: opts.metrics,
      parseConfig: (raw) => pretrainConfigSchema.parse(raw),
      startWorker: async (run, config, resumeFrom) => {
        let sequences: Float32Array[];
        try {
          sequences = await loadSequences(features, config.datasetVersionIds);
        } catch (err) {
          throw new Error(`could not read features: ${(err as Error).message}`);
        }
        // Nothing to learn from: training would only record NaN losses and then "succeed".
        if (sequences.length === 0) throw new Error(`the dataset versions hold no utterances: ${config.datasetVersionIds.join(', ')}`);
        logger.info({ runId: run.id, utterances: sequences.length, resumeFrom }, 'pre-training started');
        const workerData: PretrainWorkerData = { runId: run.id, config, sequences, artifactStore, resumeFrom };
        return createWorker(WORKER_URL, { workerData, transferList: sequences.map((s) => s.buffer as ArrayBuffer) });
      },
    });
  }
}
