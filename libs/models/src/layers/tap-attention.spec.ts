import * as tf from '@tensorflow/tfjs';
import { customOpsState, initTfjs, nativeOps } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDiff, seededTensor3d } from '../testing/fixtures';
import { attendTaps, attendTapsWithTfjs, type TapAttentionShape } from './tap-attention';

// The native backend where it loads (CI builds it, and deploy/tfjs-native/build.sh the kernels beside it), so the
// fused SerTapAttention kernel is what these cases compare with the tfjs ops.
beforeAll(async () => {
  await initTfjs({ prefer: 'node' }).catch(() => initTfjs({ prefer: 'cpu' }));
});

/** Projected taps [batch, time, taps, 3 * units] with a spread wide enough that the softmax is not flat. */
function qkvTaps(batch: number, time: number, taps: number, units: number, seed: number): tf.Tensor4D {
  return tf.mul(tf.reshape(seededTensor3d([batch * time, taps, 3 * units], seed), [batch, time, taps, 3 * units]), 3) as tf.Tensor4D;
}

describe('tap attention (SerTapAttention on the native backend)', () => {
  it('runs on the fused kernel exactly where the native backend is active', async () => {
    const native = tf.getBackend() === 'tensorflow';
    expect(customOpsState().loaded).toBe(native);
    expect(nativeOps()?.hasCustomOp('SerTapAttention') ?? false).toBe(native);
    const x = qkvTaps(2, 6, 3, 8, 1);
    // The fused kernel runs beside tfjs's engine (nativeOps), so the profile sees only the reshapes around it.
    const kernels = (await tf.profile(() => attendTaps(x, { numHeads: 2, dilation: 1 }))).kernels.map((k) => k.name);
    expect(kernels.includes('BatchMatMul')).toBe(!native);
  });

  const cases: Array<[string, number, number, TapAttentionShape]> = [
    ['dilation 1, 2 heads', 7, 3, { numHeads: 2, dilation: 1 }],
    ['dilation 2, 4 heads', 9, 3, { numHeads: 4, dilation: 2 }],
    ['taps reaching before the start (dilation 8 > time)', 5, 3, { numHeads: 2, dilation: 8 }],
    ['5 taps, 1 head', 11, 5, { numHeads: 1, dilation: 2 }],
  ];
  it.each(cases)('gives the tfjs ops’ values and gradients (%s)', (_, time, taps, shape) => {
    const units = 8;
    const x = qkvTaps(3, time, taps, units, time + taps);
    const upstream = tf.reshape(seededTensor3d([3 * time, taps, units], 99), [3 * time * taps, units]); // non-uniform gradient
    const loss = (attend: typeof attendTaps) => (input: tf.Tensor) => tf.sum(tf.mul(attend(input as tf.Tensor4D, shape), upstream));
    expect(maxAbsDiff(attendTaps(x, shape), attendTapsWithTfjs(x, shape))).toBeLessThan(1e-5);
    const [fused, reference] = [tf.grad(loss(attendTaps))(x), tf.grad(loss(attendTapsWithTfjs))(x)];
    expect(maxAbsDiff(reference, tf.zerosLike(reference))).toBeGreaterThan(0.1); // the comparison has something to compare
    expect(maxAbsDiff(fused, reference)).toBeLessThan(1e-5);
  });

  it('rejects a qkv whose width does not split into heads, with the reason', () => {
    const ops = nativeOps();
    if (!ops?.hasCustomOp('SerTapAttention')) return expect(tf.getBackend()).not.toBe('tensorflow');
    const attrs = [
      { name: 'heads', int: 3 },
      { name: 'time', int: 2 },
      { name: 'dilation', int: 1 },
    ];
    expect(() => ops.run('SerTapAttention', attrs, [tf.ones([4, 3, 24])], 2)).toThrow(/divisible by heads/);
  });
});
