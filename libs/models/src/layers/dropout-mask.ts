import * as tf from '@tensorflow/tfjs';
import { mixSeed } from '../random';

// A training step of the paper's FOP draws 26 million dropout decisions (attention weights included). Through
// tf.randomUniform (seedrandom, one JS call per number) that took longer than all the step's matMuls. This loop
// makes two decisions per xorshift32 step, which measured as fast as TensorFlow's native stateless Philox op on
// this machine, and keeps masks identical on every backend: a mask is a pure function of (seed, size, rate).

/** Keep-scale for a rate quantised to 1/65536, so E[mask] is exactly 1. */
function quantised(rate: number): { threshold: number; keep: number } {
  const threshold = Math.round(rate * 65536);
  return { threshold, keep: 65536 / (65536 - threshold) };
}

/** Inverted-dropout mask: 0 with probability `rate`, else 1 / (1 - rate). */
export function dropoutMask(size: number, rate: number, seed: number): Float32Array {
  const { threshold, keep } = quantised(rate);
  const out = new Float32Array(size);
  let s = mixSeed(seed) | 1; // xorshift32 must not start at 0
  let i = 0;
  for (; i + 1 < size; i += 2) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s & 0xffff) < threshold ? 0 : keep;
    out[i + 1] = s >>> 16 < threshold ? 0 : keep;
  }
  if (i < size) out[i] = (mixSeed(s) & 0xffff) < threshold ? 0 : keep;
  return out;
}

/** The mask as a tensor of `shape`. */
export function dropoutMaskTensor(shape: number[], rate: number, seed: number): tf.Tensor {
  return tf.tensor(
    dropoutMask(
      shape.reduce((a, b) => a * b, 1),
      rate,
      seed,
    ),
    shape,
    'float32',
  );
}
