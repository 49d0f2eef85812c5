// The pre-trained VQ-VAE of a 'fusion' run in the worker (sequence-prepare.ts reads it from its checkpoint), optionally
// fine-tuned on a fold's training utterances (reconstruction only), then frozen and run once over every utterance
// to give each segment its latent representation.
import * as tf from '@tensorflow/tfjs';
import type { StandardizerState } from '@ser/classical';
import {
  createAdam,
  createVqvae,
  loadVariables,
  mixSeed,
  saveVariables,
  shuffledBatches,
  trainLoop,
  vqvaeLosses,
  type SavedTensors,
  type VqvaeConfig,
  type VqvaeModel,
} from '@ser/models';
import { segmentBatch, type SegmentSequence, type SegmentShape } from './sequence-segments';

export interface VqvaeSource {
  checkpointId: string;
  pretrainRunId: string;
  /** The pre-training run's model config with the segment shape (createVqvae(config)). */
  config: VqvaeConfig;
  weights: SavedTensors;
  /** Per-bin z-scoring the VQ-VAE was pre-trained with (the checkpoint's normalisation.json). */
  normalisation: StandardizerState;
}

const FINE_TUNE_LEARNING_RATE = 2e-4; // 2e-4: Adam, as the VQ-VAE's pre-training (van den Oord et al. 2017 sec. 4)

export interface FoldLatents {
  /** Per utterance: its segments' latents, [count * latentUnits]. */
  latents: Float32Array[];
  latentUnits: number;
  /** The VQ-VAE weights the latents came from (fine-tuned or as pre-trained), for the kept model. */
  weights: SavedTensors;
}

/**
 * A fresh copy of the pre-trained VQ-VAE, fine-tuned for `epochs` on the segments of `trainRows` (the VQ-VAE
 * objective, Adam), then frozen: the latent of every segment of every utterance.
 */
export async function foldLatents(
  source: VqvaeSource,
  sequences: readonly SegmentSequence[],
  trainRows: readonly number[],
  options: { epochs: number; batchSize: number; seed: number; shouldCancel(): boolean },
): Promise<FoldLatents | null> {
  const model = createVqvae(source.config, options.seed);
  const shape = { frames: source.config.frames, bins: source.config.bins };
  try {
    loadVariables(model.variables, source.weights);
    if (options.epochs > 0) {
      const optimizer = createAdam({ learningRate: FINE_TUNE_LEARNING_RATE });
      // Segments of the training utterances, one flat list, reshuffled each epoch.
      const segments = trainRows.flatMap((r) =>
        Array.from({ length: sequences[r]!.count }, (_, k) => ({
          data: sequences[r]!.data.subarray(k * shape.frames * shape.bins, (k + 1) * shape.frames * shape.bins),
          count: 1,
        })),
      );
      try {
        const result = await trainLoop({
          variables: model.trainableVariables,
          optimizer,
          epochs: options.epochs,
          seed: options.seed,
          batches: (epoch) => shuffledBatches(segments.length, options.batchSize, mixSeed(options.seed, epoch, 0x7a)),
          lossFn: (rows) => vqvaeLosses(model, segmentBatch(segments, rows, shape, source.normalisation).segments, { updateEma: true }).total,
          hooks: { shouldCancel: options.shouldCancel },
        });
        if (result.status === 'cancelled') return null;
      } finally {
        optimizer.dispose();
      }
    }
    return {
      latents: extractLatents(model, sequences, shape, source.normalisation, options.batchSize),
      latentUnits: model.latentUnits,
      weights: saveVariables(model.variables),
    };
  } finally {
    model.dispose();
  }
}

/** The frozen VQ-VAE's latent of every segment, per utterance ([count * latentUnits] each). */
function extractLatents(
  model: VqvaeModel,
  sequences: readonly SegmentSequence[],
  shape: SegmentShape,
  normalisation: StandardizerState,
  batchSize: number,
): Float32Array[] {
  const size = shape.frames * shape.bins;
  return sequences.map((sequence) => {
    const out = new Float32Array(sequence.count * model.latentUnits);
    for (let start = 0; start < sequence.count; start += batchSize) {
      const count = Math.min(batchSize, sequence.count - start);
      const part = { data: sequence.data.subarray(start * size, (start + count) * size), count };
      const latent = tf.tidy(() => model.latent(segmentBatch([part], [0], shape, normalisation).segments)); // [count, latentUnits]
      out.set(latent.dataSync(), start * model.latentUnits);
      latent.dispose();
    }
    return out;
  });
}
