import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOP_CONFIG, createFop, fopNextFrameLoss, type FopModel } from './fop';
import { countParameters } from './layers/variables';
import { TINY_FOP, maxAbsDiff, seededTensor3d, smoothFrames } from './testing/fixtures';
import { trainLoop } from './training/train-loop';
import { createAdam } from './training/optimizer-state';

beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
});

describe('FOP model', () => {
  it('has exactly the 1,096,530 parameters of the paper with the default config', () => {
    const fop = createFop();
    try {
      expect(fop.config).toEqual(DEFAULT_FOP_CONFIG);
      expect(countParameters(fop.variables)).toBe(1_096_530);
    } finally {
      fop.dispose();
    }
  });

  it('maps [batch, frames, 80] to predictions of the same shape, with every layer output exposed', () => {
    const fop = createFop();
    const out = fop.forward(tf.zeros([2, 7, 80]) as tf.Tensor3D, { training: false });
    expect(out.prediction.shape).toEqual([2, 7, 80]);
    expect(out.hidden.map((h) => h.shape)).toEqual([
      [2, 7, 256],
      [2, 7, 256],
    ]);
    expect(out.embedded.shape).toEqual([2, 7, 256]);
    tf.dispose([out.prediction, out.embedded, ...out.hidden]);
    fop.dispose();
  });

  it('rejects frames with the wrong number of mels', () => {
    const fop = createFop(TINY_FOP);
    expect(() => fop.forward(tf.zeros([1, 4, 9]) as tf.Tensor3D, { training: false })).toThrow(/expects 8 mels/);
    fop.dispose();
  });

  it('gives the same weights for the same seed and different ones for another', () => {
    const [a, b, c] = [createFop(TINY_FOP, 7), createFop(TINY_FOP, 7), createFop(TINY_FOP, 8)];
    const name = 'layer1.ffn.in.kernel';
    expect(maxAbsDiff(a.variables[name]!, b.variables[name]!)).toBe(0);
    expect(maxAbsDiff(a.variables[name]!, c.variables[name]!)).toBeGreaterThan(0);
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe('causality', () => {
  let fop: FopModel;
  beforeAll(() => {
    fop = createFop(TINY_FOP, 3);
  });
  afterAll(() => fop.dispose());

  it.each([
    ['inference', { training: false }],
    ['training with dropout (same seed)', { training: true, seed: 11 }],
  ] as const)('changing frames after t leaves predictions at <= t unchanged (%s)', (_label, options) => {
    const [batch, frames, nMels] = [2, 12, 8];
    const t = 5;
    const x = seededTensor3d([batch, frames, nMels], 1);
    const future = seededTensor3d([batch, frames - t - 1, nMels], 2);
    const changed = tf.concat([tf.slice(x, [0, 0, 0], [batch, t + 1, nMels]), future], 1) as tf.Tensor3D;
    const before = fop.forward(x, options).prediction;
    const after = fop.forward(changed, options).prediction;
    const past = (p: tf.Tensor3D) => tf.slice(p, [0, 0, 0], [batch, t + 1, nMels]);
    const later = (p: tf.Tensor3D) => tf.slice(p, [0, t + 1, 0], [batch, frames - t - 1, nMels]);
    expect(maxAbsDiff(past(before), past(after))).toBeLessThan(1e-6);
    // The change is visible from t+1 on: the test would notice a model that ignored its input.
    expect(maxAbsDiff(later(before), later(after))).toBeGreaterThan(1e-3);
  });
});

describe('next-frame loss', () => {
  it('is the mean |prediction[:, :-k] - x[:, k:]| for any shift k', () => {
    const fop = createFop(TINY_FOP, 4);
    const x = seededTensor3d([2, 9, 8], 5);
    const prediction = fop.forward(x, { training: false }).prediction.arraySync();
    const frames = x.arraySync();
    for (const shift of [1, 3]) {
      let sum = 0;
      let count = 0;
      for (let b = 0; b < 2; b++)
        for (let t = 0; t + shift < 9; t++)
          for (let m = 0; m < 8; m++) {
            sum += Math.abs(prediction[b]![t]![m]! - frames[b]![t + shift]![m]!);
            count++;
          }
      const loss = fopNextFrameLoss(fop, x, { training: false, shift }).dataSync()[0]!;
      expect(loss).toBeCloseTo(sum / count, 5);
    }
    fop.dispose();
  });

  it('ignores targets in right padding: a padded batch scores like the unpadded sequence', () => {
    const fop = createFop(TINY_FOP, 4);
    const real = seededTensor3d([1, 6, 8], 6);
    const padded = tf.concat([real, tf.fill([1, 4, 8], 50)], 1) as tf.Tensor3D; // garbage the mask must hide
    const expected = fopNextFrameLoss(fop, real, { training: false }).dataSync()[0]!;
    const masked = fopNextFrameLoss(fop, padded, { training: false, lengths: [6] }).dataSync()[0]!;
    const unmasked = fopNextFrameLoss(fop, padded, { training: false }).dataSync()[0]!;
    expect(masked).toBeCloseTo(expected, 5);
    expect(unmasked).toBeGreaterThan(expected + 1);
    fop.dispose();
  });
});

describe('training', () => {
  it('a tiny FOP overfits one small batch: the loss falls by more than half in 150 steps', async () => {
    const fop = createFop({ ...TINY_FOP, dropout: 0, attentionDropout: 0 }, 1);
    const x = smoothFrames(4, 24, 8, 9);
    const optimizer = createAdam({ learningRate: 1e-2 });
    const losses: number[] = [];
    await trainLoop({
      variables: fop.variables,
      optimizer,
      batches: Array.from({ length: 150 }, () => x),
      lossFn: (batch, context) => fopNextFrameLoss(fop, batch, context),
      epochs: 1,
      hooks: { onBatchEnd: ({ loss }) => void losses.push(loss) },
    });
    expect(losses).toHaveLength(150);
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
    optimizer.dispose();
    fop.dispose();
  });

  it('does not leak tensors across training steps', async () => {
    const fop = createFop(TINY_FOP, 1);
    const x = smoothFrames(2, 10, 8, 1);
    const optimizer = createAdam();
    const step = () => trainLoop({ variables: fop.variables, optimizer, batches: [x, x], lossFn: (b, c) => fopNextFrameLoss(fop, b, c), epochs: 1 });
    await step(); // Adam creates its moment variables on the first update
    const before = tf.memory().numTensors;
    await step();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    fop.dispose();
  });
});
