// A VQ-VAE pre-training run in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages (TrainingWorkerMessage).
import { parentPort, workerData } from 'node:worker_threads';
import { createLocalArtifactStore } from '@ser/artifacts';
import type { TrainingWorkerMessage } from '@ser/runs';
import { initTfjs } from '@ser/tfjs-backend';
import type { Segments } from './load-segments';
import { runVqvaeJob } from './pretrain-job';
import type { VqvaePretrainConfig } from './vqvae-config';

export interface VqvaeWorkerData {
  runId: string;
  config: VqvaePretrainConfig;
  segments: Segments;
  artifactsRoot: string;
  resumeFrom?: string;
}

const data = workerData as VqvaeWorkerData;
const port = parentPort!;
let cancelled = false;
port.on('message', (m: { type: string }) => {
  if (m.type === 'cancel') cancelled = true;
});
const post = (m: TrainingWorkerMessage) => port.postMessage(m);

try {
  const { backend } = await initTfjs();
  post({ type: 'started', backend });
  let lastStepPost = 0;
  const result = await runVqvaeJob(
    { runId: data.runId, config: data.config, segments: data.segments, artifacts: createLocalArtifactStore(data.artifactsRoot), resumeFrom: data.resumeFrom },
    {
      shouldCancel: () => cancelled,
      onStep: (p) => {
        // Progress is a level: a few messages a second are plenty.
        if (Date.now() - lastStepPost > 250 || p.step === p.totalSteps) {
          lastStepPost = Date.now();
          post({ type: 'step', ...p });
        }
      },
      onEpoch: (e) => post({ type: 'epoch', ...e }),
    },
  );
  post({ type: 'done', status: result.status, epochsCompleted: result.epochsCompleted, metrics: { bestHeldOutLoss: result.bestHeldOut } });
} catch (err) {
  post({ type: 'failed', message: (err as Error).stack ?? String(err) });
}
