import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff, seededValues } from '../testing/fixtures';
import { finiteDifferenceGradient, maxRelativeError } from './conv-gradient-check';
import { conv1d, conv1dTaps, tapOffsets, type Conv1dParams, type Conv1dShape } from './conv1d';

const [B, T, C, F, K] = [2, 9, 3, 4, 3];

function params(seed: number, taps = K): Conv1dParams {
  return {
    kernel: tf.variable(tf.tensor2d(seededValues(C * taps * F, seed), [C, taps * F])),
    bias: tf.variable(tf.tensor1d(seededValues(F, seed + 1))),
  };
}

/** The textbook definition, in plain loops: y[b, t, f] = b_f + sum_j sum_c x[b, t + o_j, c] W_j[c, f]. */
function reference(x: Float32Array, kernel: Float32Array, bias: Float32Array, shape: Conv1dShape, stride: number): number[] {
  const offsets = tapOffsets(shape);
  const out: number[] = [];
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t += stride) {
      for (let f = 0; f < F; f++) {
        let sum = bias[f]!;
        offsets.forEach((o, j) => {
          const s = t + o;
          if (s < 0 || s >= T) return;
          for (let c = 0; c < C; c++) sum += x[(b * T + s) * C + c]! * kernel[c * shape.taps * F + j * F + f]!;
        });
        out.push(sum);
      }
    }
  }
  return out;
}

const CAUSAL: Conv1dShape = { taps: K, dilation: 2, padding: 'causal' };
const SAME: Conv1dShape = { taps: K, dilation: 1, padding: 'same' };

describe('tapOffsets', () => {
  it('puts causal taps at t - (k-1)d .. t and centres same taps', () => {
    expect(tapOffsets({ taps: 3, dilation: 4, padding: 'causal' })).toEqual([-8, -4, 0]);
    expect(tapOffsets({ taps: 3, dilation: 2, padding: 'same' })).toEqual([-2, 0, 2]);
  });
});

describe.each(['cpu', 'wasm'] as const)('conv1d as matMul + shifted slices on %s', (kind) => {
  it('computes the textbook convolution (causal dilated, and same with stride 2 on an even length)', async () => {
    await initTfjs({ prefer: kind });
    const p = params(1);
    const xv = seededValues(B * T * C, 3);
    const got = conv1d(p, tf.tensor3d(xv, [B, T, C]), CAUSAL);
    expect(maxRelativeError(got.dataSync(), reference(xv, p.kernel.dataSync() as Float32Array, p.bias.dataSync() as Float32Array, CAUSAL, 1))).toBeLessThan(
      1e-5,
    );
    const even = seededValues(B * T * C, 4); // T = 9 is odd: stride 2 needs an even length, use the first 8 steps
    const x8 = tf.slice(tf.tensor3d(even, [B, T, C]), [0, 0, 0], [B, 8, C]) as tf.Tensor3D;
    const strided = conv1d(p, x8, SAME, 2);
    const full = conv1d(p, x8, SAME);
    expect(strided.shape).toEqual([B, 4, F]);
    expect(
      maxAbsDiff(
        strided,
        tf.stack(
          [0, 2, 4, 6].map((t) => tf.slice(full, [0, t, 0], [B, 1, F]).squeeze([1])),
          1,
        ),
      ),
    ).toBeLessThan(1e-6);
  });

  it('stays the textbook convolution when taps reach before the start (dilation x taps > time)', async () => {
    await initTfjs({ prefer: kind });
    const p = params(21);
    const xv = seededValues(B * T * C, 22);
    for (const dilation of [4, 8, 16]) {
      const shape: Conv1dShape = { taps: K, dilation, padding: 'causal' };
      const got = conv1d(p, tf.tensor3d(xv, [B, T, C]), shape);
      expect(maxRelativeError(got.dataSync(), reference(xv, p.kernel.dataSync() as Float32Array, p.bias.dataSync() as Float32Array, shape, 1))).toBeLessThan(
        1e-5,
      );
    }
    const wide: Conv1dShape = { taps: K, dilation: 8, padding: 'same' };
    const got = conv1d(p, tf.tensor3d(xv, [B, T, C]), wide);
    expect(maxRelativeError(got.dataSync(), reference(xv, p.kernel.dataSync() as Float32Array, p.bias.dataSync() as Float32Array, wide, 1))).toBeLessThan(1e-5);
  });

  it('is causal: changing the input after step t leaves outputs up to t unchanged', async () => {
    await initTfjs({ prefer: kind });
    const p = params(5);
    const x = tf.tensor3d(seededValues(B * T * C, 6), [B, T, C]);
    const changed = tf.concat([tf.slice(x, [0, 0, 0], [B, 5, C]), tf.fill([B, T - 5, C], 7)], 1) as tf.Tensor3D;
    const a = tf.slice(conv1d(p, x, CAUSAL), [0, 0, 0], [B, 5, F]);
    const b = tf.slice(conv1d(p, changed, CAUSAL), [0, 0, 0], [B, 5, F]);
    expect(maxAbsDiff(a, b)).toBe(0);
    expect(maxAbsDiff(conv1d(p, x, CAUSAL), conv1d(p, changed, CAUSAL))).toBeGreaterThan(0.1);
  });

  it('has gradients wrt input, kernel and bias that match central finite differences (dilation 2, and stride 2)', async () => {
    await initTfjs({ prefer: kind });
    const w = tf.tensor3d(seededValues(B * T * F, 9), [B, T, F]); // non-uniform upstream gradient
    const w2 = tf.tensor3d(seededValues(B * 4 * F, 10), [B, 4, F]);
    const cases: Array<[Conv1dShape, number, number, tf.Tensor3D]> = [
      [CAUSAL, 1, T, w],
      [SAME, 2, 8, w2],
    ];
    for (const [shape, stride, time, weight] of cases) {
      const loss = (x: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(conv1d({ kernel: k, bias: b } as unknown as Conv1dParams, x as tf.Tensor3D, shape, stride), weight)) as tf.Scalar;
      const inputs = [
        tf.tensor3d(seededValues(B * time * C, 11), [B, time, C]),
        tf.tensor2d(seededValues(C * K * F, 12), [C, K * F]),
        tf.tensor1d(seededValues(F, 13)),
      ];
      const analytic = tf.grads(loss)(inputs);
      inputs.forEach((_, i) => {
        expect(maxRelativeError(analytic[i]!.dataSync(), finiteDifferenceGradient(loss, inputs, i))).toBeLessThan(2e-3);
      });
    }
  });

  it('exposes per-tap outputs that sum (plus bias) to the convolution', async () => {
    await initTfjs({ prefer: kind });
    const p = params(14);
    const x = tf.tensor3d(seededValues(B * T * C, 15), [B, T, C]);
    const taps = conv1dTaps(p, x, CAUSAL);
    expect(taps.shape).toEqual([B, T, K, F]);
    expect(maxAbsDiff(tf.add(tf.sum(taps, 2), p.bias), conv1d(p, x, CAUSAL))).toBeLessThan(1e-5);
    // The first tap of step 3 looks 4 steps back (dilation 2): before the start, so it is zero.
    expect(
      tf
        .abs(tf.slice(taps, [0, 3, 0, 0], [B, 1, 1, F]))
        .max()
        .dataSync()[0],
    ).toBe(0);
  });
});
