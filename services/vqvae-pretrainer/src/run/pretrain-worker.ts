// A VQ-VAE pre-training run in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages (TrainingWorkerMessage).
import { workerData } from 'node:worker_threads';
import { createArtifactStore, type ArtifactStoreSpec } from '@ser/artifacts';
import { runTrainingWorker } from '@ser/runs';
import type { Segments } from './load-segments';
import { runVqvaeJob } from './pretrain-job';
import type { VqvaePretrainConfig } from './vqvae-config';

export interface VqvaeWorkerData {
  runId: string;
  config: VqvaePretrainConfig;
  segments: Segments;
  artifactStore: ArtifactStoreSpec;
  resumeFrom?: string;
}

const data = workerData as VqvaeWorkerData;

await runTrainingWorker(async ({ shouldCancel, post, postStep }) => {
  const result = await runVqvaeJob(
    { runId: data.runId, config: data.config, segments: data.segments, artifacts: createArtifactStore(data.artifactStore), resumeFrom: data.resumeFrom },
    { shouldCancel, onStep: (p) => postStep({ type: 'step', ...p }), onEpoch: (e) => post({ type: 'epoch', ...e }) },
  );
  post({ type: 'done', status: result.status, epochsCompleted: result.epochsCompleted, metrics: { bestHeldOutLoss: result.bestHeldOut } });
});
