import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff, seededValues } from '../testing/fixtures';
import { meanAbsoluteError } from './activations';
import { LAYER_NORM_EPSILON, layerNorm } from './layer-norm';

/** Layer norm as tfjs would differentiate it on its own: the reference for the hand-written gradient. */
function referenceLayerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, LAYER_NORM_EPSILON))), gamma), beta);
}

describe.each(['cpu', 'wasm'] as const)('hand-written gradients on %s', (kind) => {
  it('layer norm: value and gradients wrt x, gamma and beta match autodiff of the plain formula', async () => {
    await initTfjs({ prefer: kind });
    const x = tf.tensor2d(seededValues(9 * 12, 1), [9, 12]).mul(3) as tf.Tensor2D;
    const gamma = tf.tensor1d(seededValues(12, 2));
    const beta = tf.tensor1d(seededValues(12, 3));
    const w = tf.tensor2d(seededValues(9 * 12, 4), [9, 12]); // non-uniform upstream gradient
    const loss = (f: typeof referenceLayerNorm) => (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(f(a as tf.Tensor2D, g as tf.Tensor1D, b as tf.Tensor1D), w));
    const expected = tf.grads(loss(referenceLayerNorm))([x, gamma, beta]);
    const got = tf.grads(loss((a, g, b) => layerNorm({ gamma: g, beta: b } as never, a)))([x, gamma, beta]);
    expected.forEach((e, i) => expect(maxAbsDiff(got[i]!, e)).toBeLessThan(1e-5));
    expect(maxAbsDiff(layerNorm({ gamma, beta } as never, x), referenceLayerNorm(x, gamma, beta))).toBeLessThan(1e-5);
  });

  it('mean absolute error: value and gradients match tf.mean(tf.abs(a - b))', async () => {
    await initTfjs({ prefer: kind });
    const a = tf.tensor2d(seededValues(5 * 7, 5), [5, 7]);
    const b = tf.tensor2d(seededValues(5 * 7, 6), [5, 7]);
    const expected = tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.mean(tf.abs(tf.sub(p, q))))([a, b]);
    const got = tf.grads((p: tf.Tensor, q: tf.Tensor) => meanAbsoluteError(p, q))([a, b]);
    expected.forEach((e, i) => expect(maxAbsDiff(got[i]!, e)).toBeLessThan(1e-7));
    expect(meanAbsoluteError(a, b).dataSync()[0]).toBeCloseTo(tf.mean(tf.abs(tf.sub(a, b))).dataSync()[0]!, 6);
  });
});
