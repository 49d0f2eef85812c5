import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff, seededValues } from '../testing/fixtures';
import { conv2dSame, type Conv2dParams } from './conv2d';

const x = () => tf.tensor4d(seededValues(2 * 7 * 9 * 3, 1), [2, 7, 9, 3]);
const w = () => tf.tensor4d(seededValues(4 * 3 * 3 * 5, 2), [4, 3, 3, 5]); // an even kernel height too

describe("conv2dSame's gradients from forward convolutions only", () => {
  it.each([
    ['an even kernel height', [4, 3]],
    ['even height and width', [4, 6]],
    ['odd sizes', [3, 5]],
  ])("matches tfjs's own 'same' conv2d, values and gradients wrt input, kernel and bias, on cpu (%s)", async (_, [kh, kw]) => {
    await initTfjs({ prefer: 'cpu' });
    const kernel = tf.tensor4d(seededValues(kh! * kw! * 3 * 5, 2), [kh!, kw!, 3, 5]);
    const bias = tf.tensor1d(seededValues(5, 4));
    const weight = tf.tensor4d(seededValues(2 * 7 * 9 * 5, 3), [2, 7, 9, 5]); // non-uniform upstream gradient
    const tfjs = (a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.add(tf.conv2d(a as tf.Tensor4D, k as tf.Tensor4D, 1, 'same'), b), weight));
    const ours = (a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(conv2dSame({ kernel: k, bias: b } as unknown as Conv2dParams, a as tf.Tensor4D), weight));
    expect(Math.abs(tfjs(x(), kernel, bias).dataSync()[0]! - ours(x(), kernel, bias).dataSync()[0]!)).toBeLessThan(1e-4);
    const expected = tf.grads(tfjs)([x(), kernel, bias]);
    tf.grads(ours)([x(), kernel, bias]).forEach((g, i) => expect(maxAbsDiff(g, expected[i]!)).toBeLessThan(1e-5));
  });

  it("conv2dSame keeps the size and trains on wasm with the cpu's gradients", async () => {
    const gradsOn = async (kind: 'cpu' | 'wasm') => {
      await initTfjs({ prefer: kind });
      const p = { kernel: tf.variable(w()), bias: tf.variable(tf.tensor1d(seededValues(5, 4))) } as Conv2dParams;
      const y = conv2dSame(p, x());
      expect(y.shape).toEqual([2, 7, 9, 5]);
      const weight = tf.tensor4d(seededValues(2 * 7 * 9 * 5, 5), [2, 7, 9, 5]);
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(conv2dSame(p, x()), weight)) as tf.Scalar, [p.kernel, p.bias]);
      return Object.values(grads).map((g) => Array.from(g.dataSync()));
    };
    const cpu = await gradsOn('cpu');
    const wasm = await gradsOn('wasm');
    cpu.forEach((g, i) => expect(maxAbsDiff(tf.tensor(wasm[i]!), tf.tensor(g))).toBeLessThan(1e-4));
  });

  it('inputGradient false: the same kernel and bias gradients, a zero input gradient', async () => {
    await initTfjs({ prefer: 'cpu' });
    const p = { kernel: tf.variable(w()), bias: tf.variable(tf.tensor1d(seededValues(5, 4))) } as Conv2dParams;
    const weight = tf.tensor4d(seededValues(2 * 7 * 9 * 5, 5), [2, 7, 9, 5]);
    const gradients = (inputGradient: boolean) =>
      tf.grads((a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(conv2dSame({ kernel: k, bias: b } as unknown as Conv2dParams, a as tf.Tensor4D, { inputGradient }), weight)),
      )([x(), p.kernel, p.bias]);
    const [fullX, fullK, fullB] = gradients(true);
    const [dataX, dataK, dataB] = gradients(false);
    expect(maxAbsDiff(dataK!, fullK!)).toBe(0);
    expect(maxAbsDiff(dataB!, fullB!)).toBe(0);
    expect(tf.max(tf.abs(fullX!)).dataSync()[0]).toBeGreaterThan(0);
    expect(tf.max(tf.abs(dataX!)).dataSync()[0]).toBe(0);
  });
});
