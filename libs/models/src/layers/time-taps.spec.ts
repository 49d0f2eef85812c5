import * as tf from '@tensorflow/tfjs';
import { initTfjs, nativeOps } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDiff, seededTensor3d, seededValues } from '../testing/fixtures';
import { conv1d, tapOffsets, type Conv1dParams, type Conv1dShape } from './conv1d';
import { evenlySpaced, timeTapsOnKernel, type TimeTapsShape } from './time-taps';

// The native backend where it loads (CI builds it, and deploy/tfjs-native/build.sh the kernels beside it).
beforeAll(async () => {
  await initTfjs({ prefer: 'node' }).catch(() => initTfjs({ prefer: 'cpu' }));
});

const [B, T, C] = [2, 8, 3];

/** out[b, t', j, c] = x[b, stride t' + first + j dilation, c], zero outside: the definition, in loops. */
function referenceTaps(x: Float32Array, s: TimeTapsShape): Float32Array {
  const steps = T / s.stride;
  const out = new Float32Array(B * steps * s.taps * C);
  for (let b = 0; b < B; b++)
    for (let t = 0; t < steps; t++)
      for (let j = 0; j < s.taps; j++) {
        const from = t * s.stride + s.first + j * s.dilation;
        if (from >= 0 && from < T) for (let c = 0; c < C; c++) out[((b * steps + t) * s.taps + j) * C + c] = x[(b * T + from) * C + c]!;
      }
  return out;
}

/** The gradient of sum(taps * w) with respect to x: each w added back where its tap was read. */
function referenceGradient(w: Float32Array, s: TimeTapsShape): Float32Array {
  const steps = T / s.stride;
  const dx = new Float32Array(B * T * C);
  for (let b = 0; b < B; b++)
    for (let t = 0; t < steps; t++)
      for (let j = 0; j < s.taps; j++) {
        const to = t * s.stride + s.first + j * s.dilation;
        if (to >= 0 && to < T) for (let c = 0; c < C; c++) dx[(b * T + to) * C + c]! += w[((b * steps + t) * s.taps + j) * C + c]!;
      }
  return dx;
}

const SHAPES: Array<[string, Conv1dShape, number]> = [
  ['causal, dilation 2', { taps: 3, dilation: 2, padding: 'causal' }, 1],
  ['same, stride 2 (the VQ-VAE encoder)', { taps: 3, dilation: 1, padding: 'same' }, 2],
  ['causal, dilation 4 reaching before the start', { taps: 3, dilation: 4, padding: 'causal' }, 1],
  ['same, dilation 8 beyond both ends', { taps: 3, dilation: 8, padding: 'same' }, 1],
  ['pointwise', { taps: 1, dilation: 1, padding: 'causal' }, 1],
];

describe('time taps (SerTimeTaps on the native backend)', () => {
  it('run on the kernel exactly where the native backend is active', () => {
    const native = tf.getBackend() === 'tensorflow';
    expect(nativeOps()?.hasCustomOp('SerTimeTaps') ?? false).toBe(native);
    const x = seededTensor3d([B, T, C], 1);
    expect(timeTapsOnKernel(x, { taps: 3, first: -2, dilation: 1, stride: 1 }) !== undefined).toBe(native);
    expect(evenlySpaced([-2, -1, 0], 1)).toEqual({ taps: 3, first: -2, dilation: 1, stride: 1 });
    expect(evenlySpaced([-2, 0, 1], 1)).toBeUndefined();
  });

  it.each(SHAPES)('give the defined taps and gradient (%s)', (_, conv, stride) => {
    const shape = evenlySpaced(tapOffsets(conv), stride)!;
    const xv = seededValues(B * T * C, 2);
    const x = tf.tensor3d(xv, [B, T, C]);
    const taps = timeTapsOnKernel(x, shape);
    if (!taps) return expect(tf.getBackend()).not.toBe('tensorflow');
    const steps = T / stride;
    expect(taps.shape).toEqual([B, steps, shape.taps, C]);
    expect(maxAbsDiff(taps, tf.tensor(referenceTaps(xv, shape), taps.shape))).toBe(0);
    const wv = seededValues(B * steps * shape.taps * C, 3);
    const w = tf.tensor(wv, taps.shape);
    const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(timeTapsOnKernel(input as tf.Tensor3D, shape)!, w)))(x);
    expect(maxAbsDiff(dx, tf.tensor3d(referenceGradient(wv, shape), [B, T, C]))).toBeLessThan(1e-6);
  });

  it('keep conv1d equal to the convolution computed on the cpu backend, values and gradients', async () => {
    const conv: Conv1dShape = { taps: 3, dilation: 1, padding: 'same' };
    const values = { x: seededValues(B * T * C, 4), kernel: seededValues(C * 3 * 5, 5), bias: seededValues(5, 6), w: seededValues(B * 4 * 5, 7) };
    const run = () => {
      const inputs = [tf.tensor3d(values.x, [B, T, C]), tf.tensor2d(values.kernel, [C, 15]), tf.tensor1d(values.bias)];
      const loss = (x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor) =>
        tf.sum(tf.mul(conv1d({ kernel, bias } as unknown as Conv1dParams, x as tf.Tensor3D, conv, 2), tf.tensor3d(values.w, [B, 4, 5])));
      return [loss(...(inputs as [tf.Tensor, tf.Tensor, tf.Tensor])), ...tf.grads(loss)(inputs)].map((t) => Array.from(t.dataSync()));
    };
    const here = run();
    const backend = tf.getBackend();
    await initTfjs({ prefer: 'cpu' });
    const onCpu = run();
    tf.setBackend(backend);
    here.forEach((values, i) => values.forEach((v, k) => expect(v).toBeCloseTo(onCpu[i]![k]!, 5)));
  });
});
