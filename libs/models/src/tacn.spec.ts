import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { finiteDifferenceGradient, maxRelativeError } from './layers/conv-gradient-check';
import { conv1d } from './layers/conv1d';
import { createAdam } from './training/optimizer-state';
import { maxAbsDiff, seededTensor3d, seededValues } from './testing/fixtures';
import { attentiveCausalConv, createTacn } from './tacn';
import { sequenceClassifierLoss } from './tcn';

const TINY = { inputUnits: 6, channels: 8, numHeads: 2, layers: 3, numClasses: 3 };

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

function convParams(inUnits: number, channels: number, seed: number) {
  return {
    taps: { kernel: tf.variable(tf.tensor2d(seededValues(inUnits * 3 * channels, seed), [inUnits, 3 * channels])), bias: tf.variable(tf.tensor1d(seededValues(channels, seed + 1))) },
    query: { kernel: tf.variable(tf.tensor2d(seededValues(inUnits * channels, seed + 2), [inUnits, channels])), bias: tf.variable(tf.tensor1d(seededValues(channels, seed + 3))) },
  };
}

describe('attentive causal convolution', () => {
  it('is a convex combination of the dilated taps per head: equal to the plain conv / k when the query is zero', () => {
    const p = convParams(4, 6, 1);
    const x = seededTensor3d([2, 9, 4], 2);
    p.query.kernel.assign(tf.zerosLike(p.query.kernel));
    p.query.bias.assign(tf.zerosLike(p.query.bias));
    // Zero query: every score is 0, so each tap weighs 1/3; the result is (plain conv - bias) / 3 + bias.
    const plain = conv1d(p.taps, x, { taps: 3, dilation: 2, padding: 'causal' });
    const expected = tf.add(tf.div(tf.sub(plain, p.taps.bias), 3), p.taps.bias);
    expect(maxAbsDiff(attentiveCausalConv(p, x, 2, 2), expected)).toBeLessThan(1e-5);
  });

  it('is causal and has gradients that match finite differences', () => {
    const p = convParams(3, 4, 5);
    const x = seededTensor3d([1, 7, 3], 6);
    const later = tf.concat([x.slice([0, 0, 0], [1, 4, 3]), tf.fill([1, 3, 3], 5)], 1) as tf.Tensor3D;
    expect(maxAbsDiff(attentiveCausalConv(p, x, 2, 2).slice([0, 0, 0], [1, 4, 4]), attentiveCausalConv(p, later, 2, 2).slice([0, 0, 0], [1, 4, 4]))).toBe(0);
    const w = seededTensor3d([1, 7, 4], 7);
    const loss = (xx: tf.Tensor, taps: tf.Tensor, query: tf.Tensor) =>
      tf.sum(tf.mul(attentiveCausalConv({ taps: { kernel: taps, bias: p.taps.bias }, query: { kernel: query, bias: p.query.bias } } as never, xx as tf.Tensor3D, 2, 2), w)) as tf.Scalar;
    const inputs = [x, p.taps.kernel.clone(), p.query.kernel.clone()];
    const analytic = tf.grads(loss)(inputs);
    inputs.forEach((_, i) => expect(maxRelativeError(analytic[i]!.dataSync(), finiteDifferenceGradient(loss, inputs, i))).toBeLessThan(5e-3));
  });
});

describe('TACN', () => {
  it('has 8 layers of 8 heads by default and classifies a padded utterance like the unpadded one', () => {
    const full = createTacn({}, 1);
    expect(Object.keys(full.variables).filter((n) => n.endsWith('.query.kernel'))).toHaveLength(8);
    expect(full.forward(seededTensor3d([2, 5, 256], 1), { training: false }).shape).toEqual([2, 4]);
    full.dispose();
    const model = createTacn(TINY, 2);
    const short = seededTensor3d([1, 4, 6], 3);
    const padded = tf.concat([short, tf.fill([1, 3, 6], 9)], 1) as tf.Tensor3D;
    const batch = tf.concat([padded, seededTensor3d([1, 7, 6], 4)]) as tf.Tensor3D;
    const alone = model.forward(short, { training: false });
    const inBatch = model.forward(batch, { training: false, lengths: [4, 7] });
    expect(maxAbsDiff(inBatch.slice(0, 1), alone)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('learns a toy task: which half of the utterance carries a bump', async () => {
    const model = createTacn({ ...TINY, numClasses: 2, dropout: 0 }, 3);
    const x = tf.tidy(() => {
      const base = tf.mul(seededTensor3d([8, 6, 6], 5), 0.1);
      const bump = tf.tensor3d(Array.from({ length: 8 * 6 * 6 }, (_, i) => (Math.floor(i / 36) % 2 === 0 === Math.floor(i / 6) % 6 < 3 ? 1 : 0)), [8, 6, 6]);
      return tf.add(base, bump) as tf.Tensor3D;
    });
    const labels = [0, 1, 0, 1, 0, 1, 0, 1];
    const optimizer = createAdam({ learningRate: 1e-2 });
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) losses.push(optimizer.minimize(() => sequenceClassifierLoss(model, x, labels, { training: true, seed: i }), true, Object.values(model.variables))!.dataSync()[0]!);
    expect(losses[losses.length - 1]!).toBeLessThan(0.2);
    optimizer.dispose();
    model.dispose();
  });
});
