import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { createTcn, lastRealStep } from './tcn';

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

describe('lastRealStep', () => {
  it("takes each sequence's output at length - 1, or the last step without lengths", () => {
    const h = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2]);
    expect(lastRealStep(h, [2, 1]).arraySync()).toEqual([[3, 4], [7, 8]]);
    expect(lastRealStep(h, undefined).arraySync()).toEqual([[5, 6], [11, 12]]);
    expect(() => lastRealStep(h, [0, 3])).toThrow(/lengths/);
  });
});

describe('TCN (Bai et al. 2018)', () => {
  it('has 8 residual levels of two dilated convolutions and ignores padding after the real steps', () => {
    const model = createTcn({ inputUnits: 5, channels: 6, numClasses: 3 }, 1);
    expect(Object.keys(model.variables).filter((n) => n.endsWith('conv1.kernel'))).toHaveLength(8);
    const short = seededTensor3d([1, 3, 5], 1);
    const padded = tf.concat([short, tf.fill([1, 4, 5], -3)], 1) as tf.Tensor3D;
    const logits = model.forward(padded, { training: false, lengths: [3] });
    expect(logits.shape).toEqual([1, 3]);
    expect(maxAbsDiff(logits, model.forward(short, { training: false }))).toBeLessThan(1e-5);
    // Without lengths the padding is read as real steps and changes the answer.
    expect(maxAbsDiff(model.forward(padded, { training: false }), logits)).toBeGreaterThan(1e-4);
    model.dispose();
  });
});
