// A FOP pre-training run in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages (TrainingWorkerMessage).
import { workerData } from 'node:worker_threads';
import { createArtifactStore, type ArtifactStoreSpec } from '@ser/artifacts';
import { runTrainingWorker } from '@ser/runs';
import type { PretrainConfig } from './pretrain-config';
import { runPretrainJob } from './pretrain-job';
import { doneMessage, epochMessage, stepMessage } from './worker-messages';

export interface PretrainWorkerData {
  runId: string;
  config: PretrainConfig;
  sequences: Float32Array[];
  artifactStore: ArtifactStoreSpec;
  resumeFrom?: string;
}

const data = workerData as PretrainWorkerData;

await runTrainingWorker(async ({ shouldCancel, post, postStep }) => {
  const result = await runPretrainJob(
    { runId: data.runId, config: data.config, sequences: data.sequences, artifacts: createArtifactStore(data.artifactStore), resumeFrom: data.resumeFrom },
    { shouldCancel, onStep: (p) => postStep(stepMessage(p)), onEpoch: (e) => post(epochMessage(e)) },
  );
  post(doneMessage(result));
});
