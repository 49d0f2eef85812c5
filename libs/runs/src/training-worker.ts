// The worker-thread side of a training run: the messages a WorkerRunManager reads, cancellation, and the one
// try/catch that turns any failure into a 'failed' message (a thrown error in a worker would only say "exited").
import { parentPort } from 'node:worker_threads';
import { initTfjs } from '@ser/tfjs-backend';
import type { TrainingWorkerMessage } from './worker-run-manager';

type StepMessage = Extract<TrainingWorkerMessage, { type: 'step' }>;

export interface TrainingWorkerChannel {
  /** True once the service asked the run to stop. */
  shouldCancel(): boolean;
  post(m: TrainingWorkerMessage): void;
  /** Step progress is a level: a few messages a second are plenty; the epoch's last step always goes out. */
  postStep(m: StepMessage): void;
}

/** Runs `train` in this worker thread with TensorFlow.js started; posts 'started' first and 'failed' on any error. */
export async function runTrainingWorker(train: (channel: TrainingWorkerChannel) => Promise<void>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runTrainingWorker must run in a worker thread');
  let cancelled = false;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'cancel') cancelled = true;
  });
  const post = (m: TrainingWorkerMessage) => port.postMessage(m);
  let lastStepPost = 0;
  const channel: TrainingWorkerChannel = {
    shouldCancel: () => cancelled,
    post,
    postStep: (m) => {
      if (Date.now() - lastStepPost > 250 || m.step === m.totalSteps) {
        lastStepPost = Date.now();
        post(m);
      }
    },
  };
  try {
    const { backend } = await initTfjs();
    post({ type: 'started', backend });
    await train(channel);
  } catch (err) {
    post({ type: 'failed', message: (err as Error).stack ?? String(err) });
  }
}
