import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededTensor3d } from '../testing/fixtures';
import { relu } from './activations';
import { DropoutSeeds, dropout } from './dropout';
import { dropoutMask } from './dropout-mask';

beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
});

describe('dropout', () => {
  it('zeroes about `rate` of the entries and scales the rest so the mean is kept', () => {
    for (const rate of [0.2, 0.5]) {
      const mask = dropoutMask(200_001, rate, 3); // odd size covers the last single draw
      const zeros = mask.filter((v) => v === 0).length / mask.length;
      const mean = mask.reduce((a, b) => a + b, 0) / mask.length;
      expect(Math.abs(zeros - rate)).toBeLessThan(0.005);
      expect(Math.abs(mean - 1)).toBeLessThan(0.01);
      const [zero, keep, ...others] = [...new Set(mask)].sort();
      expect(others).toEqual([]);
      expect(zero).toBe(0);
      expect(keep).toBeCloseTo(1 / (1 - rate), 4); // the rate is quantised to 1/65536
    }
  });

  it('is a pure function of the seed: same seed, same mask; another seed, another mask', () => {
    expect(dropoutMask(1000, 0.2, 9)).toEqual(dropoutMask(1000, 0.2, 9));
    expect(dropoutMask(1000, 0.2, 9)).not.toEqual(dropoutMask(1000, 0.2, 10));
  });

  it('gives each call of a pass its own mask, and is the identity in inference', () => {
    const x = tf.ones([4, 50]);
    const seeds = new DropoutSeeds(1);
    const first = dropout(x, 0.2, seeds).dataSync();
    const second = dropout(x, 0.2, seeds).dataSync();
    expect(Array.from(first)).not.toEqual(Array.from(second));
    const replay = new DropoutSeeds(1);
    expect(Array.from(dropout(x, 0.2, replay).dataSync())).toEqual(Array.from(first));
    expect(dropout(x, 0.2, undefined)).toBe(x);
  });
});

describe('relu with the cheap gradient', () => {
  it('matches tf.relu in value and gradient', () => {
    const x = seededTensor3d([2, 3, 7], 1);
    const w = seededTensor3d([2, 3, 7], 2);
    const expected = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.relu(v), w)))(x);
    const got = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(relu(v), w)))(x);
    expect(Array.from(got.dataSync())).toEqual(Array.from(expected.dataSync()));
    expect(Array.from(relu(x).dataSync())).toEqual(Array.from(tf.relu(x).dataSync()));
  });
});
