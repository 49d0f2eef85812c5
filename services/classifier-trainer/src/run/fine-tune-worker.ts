// A classifier run (FOP fine-tuning or hypercolumns) in its own thread, so the service keeps answering gRPC (health, watch, cancel) while
// TensorFlow.js computes. Talks to the service only by messages.
import { parentPort, workerData } from 'node:worker_threads';
import { createArtifactStore, type ArtifactStoreSpec } from '@ser/artifacts';
import type { EvaluationItem } from '@ser/evaluation';
import type { FopConfig, TensorEntry } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import type { ClassifierRunConfig } from './classifier-config';
import type { RunEvaluation } from './evaluation';
import { runFineTuneJob, type FineTuneEvents } from './fine-tune-job';
import { runHypercolumnJob } from './hypercolumn-job';
import { runSequenceJob } from './sequence-job';
import type { SegmentShape } from './sequence-segments';
import type { VqvaeSource } from './sequence-vqvae';

export interface FineTuneWorkerData {
  runId: string;
  config: ClassifierRunConfig;
  fopConfig: FopConfig;
  items: EvaluationItem[];
  sequences: Float32Array[];
  classes: string[];
  /** Pre-trained weights; structured cloning turns the Buffer into a Uint8Array. */
  pretrained?: { manifest: TensorEntry[]; data: Uint8Array };
  artifactStore: ArtifactStoreSpec;
  /** Sequence-model runs: `sequences` hold spectrogram segments of this shape; 'fusion' runs' VQ-VAE. */
  sequence?: { shape: SegmentShape; vqvae?: VqvaeSource };
}

export type WorkerMessage =
  | { type: 'started'; backend: string }
  | { type: 'epoch'; repeat: number; fold: number; totalFolds: number; epoch: number; trainLoss: number; validationLoss: number; improved: boolean }
  | { type: 'fold'; repeat: number; fold: number; totalFolds: number; wa: number; ua: number }
  | { type: 'model'; artifactKey: string; bestEpoch: number; validationLoss: number | null }
  | { type: 'done'; evaluation: RunEvaluation | null }
  | { type: 'failed'; message: string };

const data = workerData as FineTuneWorkerData;
const port = parentPort!;
let cancelled = false;
port.on('message', (m: { type: string }) => {
  if (m.type === 'cancel') cancelled = true;
});
const post = (m: WorkerMessage) => port.postMessage(m);
/** Saved weights as sent: structured cloning turned their Buffer into a Uint8Array. */
const asBuffer = (w: { manifest: TensorEntry[]; data: Uint8Array }) => ({ manifest: w.manifest, data: Buffer.from(w.data.buffer, w.data.byteOffset, w.data.byteLength) });

try {
  const { backend } = await initTfjs();
  post({ type: 'started', backend });
  const pretrained = data.pretrained && asBuffer(data.pretrained);
  const job = { ...data, pretrained, artifacts: createArtifactStore(data.artifactStore) };
  const events: FineTuneEvents = {
    shouldCancel: () => cancelled,
    onEpoch: (e) => post({ type: 'epoch', ...e }),
    onFold: (f) => post({ type: 'fold', ...f }),
    onModelSaved: (m) => post({ type: 'model', ...m }),
  };
  const { config } = data;
  const evaluation =
    config.method === 'sequence-model'
      ? await runSequenceJob({ ...job, config, shape: data.sequence!.shape, vqvae: data.sequence!.vqvae && { ...data.sequence!.vqvae, weights: asBuffer(data.sequence!.vqvae.weights) } }, events)
      : config.method === 'fop-hypercolumns'
        ? await runHypercolumnJob({ ...job, config }, events)
        : await runFineTuneJob({ ...job, config }, events);
  post({ type: 'done', evaluation });
} catch (err) {
  post({ type: 'failed', message: (err as Error).stack ?? String(err) });
}
