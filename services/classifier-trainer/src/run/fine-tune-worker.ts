// A FOP fine-tuning run in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages.
import { parentPort, workerData } from 'node:worker_threads';
import { createLocalArtifactStore } from '@ser/artifacts';
import type { EvaluationItem } from '@ser/evaluation';
import type { FopConfig, TensorEntry } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import type { ClassifierRunConfig } from './classifier-config';
import type { RunEvaluation } from './evaluation';
import { runFineTuneJob } from './fine-tune-job';

export interface FineTuneWorkerData {
  runId: string;
  config: ClassifierRunConfig;
  fopConfig: FopConfig;
  items: EvaluationItem[];
  sequences: Float32Array[];
  classes: string[];
  /** Pre-trained weights; structured cloning turns the Buffer into a Uint8Array. */
  pretrained?: { manifest: TensorEntry[]; data: Uint8Array };
  artifactsRoot: string;
}

export type WorkerMessage =
  | { type: 'started'; backend: string }
  | { type: 'epoch'; repeat: number; fold: number; totalFolds: number; epoch: number; trainLoss: number; validationLoss: number; improved: boolean }
  | { type: 'fold'; repeat: number; fold: number; totalFolds: number; wa: number; ua: number }
  | { type: 'model'; artifactKey: string; bestEpoch: number; validationLoss: number }
  | { type: 'done'; evaluation: RunEvaluation | null }
  | { type: 'failed'; message: string };

const data = workerData as FineTuneWorkerData;
const port = parentPort!;
let cancelled = false;
port.on('message', (m: { type: string }) => {
  if (m.type === 'cancel') cancelled = true;
});
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  const { backend } = await initTfjs();
  post({ type: 'started', backend });
  const pretrained = data.pretrained && { manifest: data.pretrained.manifest, data: Buffer.from(data.pretrained.data.buffer, data.pretrained.data.byteOffset, data.pretrained.data.byteLength) };
  const evaluation = await runFineTuneJob(
    { ...data, pretrained, artifacts: createLocalArtifactStore(data.artifactsRoot) },
    {
      shouldCancel: () => cancelled,
      onEpoch: (e) => post({ type: 'epoch', ...e }),
      onFold: (f) => post({ type: 'fold', ...f }),
      onModelSaved: (m) => post({ type: 'model', ...m }),
    },
  );
  post({ type: 'done', evaluation });
} catch (err) {
  post({ type: 'failed', message: (err as Error).stack ?? String(err) });
}
