import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff, seededValues } from '../testing/fixtures';
import { conv1d, repeatInTime, type Conv1dParams, type Conv1dShape } from './conv1d';
import { upsampledConv1d } from './upsampled-conv1d';

const [B, T, C, F, K] = [2, 5, 3, 4, 3];

const SHAPES: Conv1dShape[] = [
  { taps: K, dilation: 1, padding: 'same' }, // the VQ-VAE decoder's
  { taps: K, dilation: 2, padding: 'same' },
  { taps: K, dilation: 3, padding: 'causal' },
  { taps: 2, dilation: 1, padding: 'causal' },
];

// node: the native backend with its SerTimeTaps kernel where it loads (CI builds both), else cpu again.
describe.each(['cpu', 'wasm', 'node'] as const)('upsampledConv1d on %s', (kind) => {
  it.each([2, 3])('equals conv1d over the repeated sequence, values and gradients (factor %i)', async (factor) => {
    await initTfjs({ prefer: kind }).catch(() => initTfjs({ prefer: 'cpu' }));
    for (const [i, shape] of SHAPES.entries()) {
      const x = tf.tensor3d(seededValues(B * T * C, 10 + i), [B, T, C]);
      const kernel = tf.tensor2d(seededValues(C * shape.taps * F, 20 + i), [C, shape.taps * F]);
      const bias = tf.tensor1d(seededValues(F, 30 + i));
      const upstream = tf.tensor3d(seededValues(B * T * factor * F, 40 + i), [B, T * factor, F]); // non-uniform gradient
      const asConv = (p: Conv1dParams, input: tf.Tensor3D) => conv1d(p, repeatInTime(input, factor), shape);
      const asPhases = (p: Conv1dParams, input: tf.Tensor3D) => upsampledConv1d(p, input, shape, factor);
      for (const run of [asConv, asPhases]) expect(run({ kernel, bias } as unknown as Conv1dParams, x).shape).toEqual([B, T * factor, F]);
      expect(maxAbsDiff(asPhases({ kernel, bias } as unknown as Conv1dParams, x), asConv({ kernel, bias } as unknown as Conv1dParams, x))).toBeLessThan(1e-5);
      const gradients = (run: typeof asConv) =>
        tf.grads((input: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(run({ kernel: k, bias: b } as unknown as Conv1dParams, input as tf.Tensor3D), upstream)),
        )([x, kernel, bias]);
      const [want, got] = [gradients(asConv), gradients(asPhases)];
      want.forEach((w, g) => expect(maxAbsDiff(got[g]!, w)).toBeLessThan(1e-5));
    }
  });
});
