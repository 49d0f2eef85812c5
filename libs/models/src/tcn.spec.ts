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
    expect(lastRealStep(h, [2, 1]).arraySync()).toEqual([
      [3, 4],
      [7, 8],
    ]);
    expect(lastRealStep(h, undefined).arraySync()).toEqual([
      [5, 6],
      [11, 12],
    ]);
    expect(() => lastRealStep(h, [0, 3])).toThrow(/lengths/);
  });
});

describe('TCN (Bai et al. 2018)', () => {
  it('has 8 residual levels of two dilated convolutions and ignores padding after the real steps', () => {
    const model = createTcn({ inputUnits: 5, channels: 6, numClasses: 3 }, 1);
    expect(Object.keys(model.variables).filter((n) => n.endsWith('conv1.direction'))).toHaveLength(8);
    const short = seededTensor3d([1, 3, 5], 1);
    const padded = tf.concat([short, tf.fill([1, 4, 5], -3)], 1) as tf.Tensor3D;
    const logits = model.forward(padded, { training: false, lengths: [3] });
    expect(logits.shape).toEqual([1, 3]);
    expect(maxAbsDiff(logits, model.forward(short, { training: false }))).toBeLessThan(1e-5);
    // Without lengths the padding is read as real steps and changes the answer.
    expect(maxAbsDiff(model.forward(padded, { training: false }), logits)).toBeGreaterThan(1e-4);
    model.dispose();
  });

  it('weight-normalises both convolutions of every block: the kernel is g v / ||v||, so scaling v changes nothing', () => {
    const model = createTcn({ inputUnits: 5, channels: 6, numClasses: 3, levels: 3 }, 2);
    const gains = Object.keys(model.variables).filter((n) => n.endsWith('.gain'));
    expect(gains.sort()).toEqual([
      'block0.conv1.gain',
      'block0.conv2.gain',
      'block1.conv1.gain',
      'block1.conv2.gain',
      'block2.conv1.gain',
      'block2.conv2.gain',
    ]);
    const x = seededTensor3d([2, 6, 5], 3);
    const before = model.forward(x, { training: false });
    for (const [name, v] of Object.entries(model.variables)) if (name.endsWith('.direction')) v.assign(tf.mul(v, 3));
    expect(maxAbsDiff(model.forward(x, { training: false }), before)).toBeLessThan(1e-5);
    // ...while the gain does scale the kernel.
    model.variables['block2.conv2.gain']!.assign(tf.mul(model.variables['block2.conv2.gain']!, 2));
    expect(maxAbsDiff(model.forward(x, { training: false }), before)).toBeGreaterThan(1e-4);
    model.dispose();
  });
});
