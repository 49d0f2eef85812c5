// A FOP pre-training run in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages (TrainingWorkerMessage).
import { parentPort, workerData } from 'node:worker_threads';
import { createLocalArtifactStore } from '@ser/artifacts';
import type { TrainingWorkerMessage } from '@ser/runs';
import { initTfjs } from '@ser/tfjs-backend';
import type { PretrainConfig } from './pretrain-config';
import { runPretrainJob } from './pretrain-job';
import { doneMessage, epochMessage, stepMessage } from './worker-messages';

export interface PretrainWorkerData {
  runId: string;
  config: PretrainConfig;
  sequences: Float32Array[];
  artifactsRoot: string;
  resumeFrom?: string;
}

const data = workerData as PretrainWorkerData;
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
  const result = await runPretrainJob(
    { runId: data.runId, config: data.config, sequences: data.sequences, artifacts: createLocalArtifactStore(data.artifactsRoot), resumeFrom: data.resumeFrom },
    {
      shouldCancel: () => cancelled,
      onStep: (p) => {
        // Progress is a level: a few messages a second are plenty.
        if (Date.now() - lastStepPost > 250 || p.step === p.totalSteps) {
          lastStepPost = Date.now();
          post(stepMessage(p));
        }
      },
      onEpoch: (e) => post(epochMessage(e)),
    },
  );
  post(doneMessage(result));
} catch (err) {
  post({ type: 'failed', message: (err as Error).stack ?? String(err) });
}
