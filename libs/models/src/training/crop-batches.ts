import * as tf from '@tensorflow/tfjs';
import { createRandom, mixSeed, shuffledIndices } from '../random';

export interface CropBatchOptions {
  /** 32 when absent: the FOP pre-training batch size (and shared/peers/fop_torch.py's). */
  batchSize?: number;
  /** Frames per crop, 200 when absent (2 s of 10 ms frames); shorter sequences are zero-padded at the end. */
  cropFrames?: number;
  seed: number;
  /** Each epoch shuffles and crops differently, reproducibly from (seed, epoch). */
  epoch?: number;
  nMels?: number;
  /** Drop a last batch smaller than batchSize (keeps shapes fixed, e.g. for benchmarks). */
  dropLast?: boolean;
}

/** One batch as plain memory: the training step turns it into a tensor inside its own tidy. */
export interface CropBatch {
  x: Float32Array; // [batch, frames, nMels], row-major
  batch: number;
  frames: number;
  nMels: number;
  /** Real frames per sequence (cropFrames unless the sequence was shorter). */
  lengths: number[];
  /** Which input sequence each row was cropped from. */
  sources: number[];
}

/**
 * Random-crop batching of variable-length [frames, nMels] sequences (row-major Float32Arrays): shuffle the
 * sequences, then cut a random window of cropFrames from each. One pass over the data per call.
 */
export function* cropBatches(sequences: readonly Float32Array[], options: CropBatchOptions): Generator<CropBatch> {
  const { batchSize = 32, cropFrames = 200, seed, epoch = 0, nMels = 80, dropLast = false } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(cropFrames) || cropFrames < 1) throw new Error(`cropFrames must be a positive integer, got ${cropFrames}`);
  sequences.forEach((s, i) => {
    if (s.length % nMels !== 0 || s.length === 0) throw new Error(`sequence ${i} has ${s.length} values, not a whole number (>0) of ${nMels}-mel frames`);
  });
  const order = shuffledIndices(sequences.length, mixSeed(seed, epoch, 1));
  const random = createRandom(mixSeed(seed, epoch, 2));
  for (let start = 0; start < order.length; start += batchSize) {
    const rows = order.slice(start, start + batchSize);
    if (dropLast && rows.length < batchSize) return;
    const x = new Float32Array(rows.length * cropFrames * nMels);
    const lengths: number[] = [];
    rows.forEach((source, row) => {
      const sequence = sequences[source]!;
      const frames = sequence.length / nMels;
      const length = Math.min(frames, cropFrames);
      const offset = Math.floor(random() * (frames - length + 1));
      x.set(sequence.subarray(offset * nMels, (offset + length) * nMels), row * cropFrames * nMels);
      lengths.push(length);
    });
    yield { x, batch: rows.length, frames: cropFrames, nMels, lengths, sources: rows };
  }
}

/** The batch as a tensor: [batch, frames, nMels]. Call inside the step's tidy so it is freed with it. */
export function cropBatchTensor(batch: CropBatch): tf.Tensor3D {
  return tf.tensor3d(batch.x, [batch.batch, batch.frames, batch.nMels]);
}
