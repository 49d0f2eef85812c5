// Helpers shared by this library's specs (not exported from index.ts).
import * as tf from '@tensorflow/tfjs';
import type { FopConfig } from '../fop';
import { createRandom } from '../random';

/** A FOP small enough to train in a unit test: same structure as the paper's, narrower. */
export const TINY_FOP: Partial<FopConfig> = { nMels: 8, dModel: 16, numHeads: 2, ffnUnits: 24, numLayers: 2 };

/** Seeded values in [-1, 1). */
export function seededValues(size: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: size }, () => 2 * random() - 1);
}

export function seededTensor3d(shape: [number, number, number], seed: number): tf.Tensor3D {
  return tf.tensor3d(seededValues(shape[0] * shape[1] * shape[2], seed), shape);
}

/** Smooth, predictable frames (sums of slow sines), so next-frame prediction has something to learn. */
export function smoothFrames(batch: number, frames: number, nMels: number, seed: number): tf.Tensor3D {
  const random = createRandom(seed);
  const values = new Float32Array(batch * frames * nMels);
  for (let b = 0; b < batch; b++) {
    const phase = random() * Math.PI * 2;
    for (let t = 0; t < frames; t++) {
      for (let m = 0; m < nMels; m++) values[(b * frames + t) * nMels + m] = Math.sin(0.3 * t + phase + m * 0.7);
    }
  }
  return tf.tensor3d(values, [batch, frames, nMels]);
}

export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}
