import * as tf from '@tensorflow/tfjs';
import { sinusoidalPositions } from './layers/positional';
import { initTfjs } from '@ser/tfjs-backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFop, type FopModel } from './fop';
import { classifierLoss, createFopClassifier, fopHypercolumns, maskedMeanOverTime } from './fop-heads';
import { TINY_FOP, maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { createAdam } from './training/optimizer-state';
import { trainLoop } from './training/train-loop';

let fop: FopModel;
beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
  fop = createFop(TINY_FOP, 2);
});
afterAll(() => fop.dispose());

describe('fine-tuning classifier', () => {
  it('outputs a probability distribution over the classes for every sequence', () => {
    const classifier = createFopClassifier(fop, 4);
    const { probabilities, logits } = classifier.forward(seededTensor3d([3, 10, 8], 1), { training: false });
    expect(probabilities.shape).toEqual([3, 4]);
    expect(logits.shape).toEqual([3, 4]);
    for (const row of probabilities.arraySync()) {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      row.forEach((p) => expect(p).toBeGreaterThan(0));
    }
    classifier.dispose();
  });

  it('pools over real frames only: a padded sequence classifies exactly like the unpadded one', () => {
    const classifier = createFopClassifier(fop, 4);
    const real = seededTensor3d([1, 6, 8], 2);
    const padded = tf.concat([real, tf.fill([1, 5, 8], 30)], 1) as tf.Tensor3D;
    const expected = classifier.forward(real, { training: false }).probabilities;
    const masked = classifier.forward(padded, { training: false, lengths: [6] }).probabilities;
    const unmasked = classifier.forward(padded, { training: false }).probabilities;
    expect(maxAbsDiff(masked, expected)).toBeLessThan(1e-6);
    expect(maxAbsDiff(unmasked, expected)).toBeGreaterThan(1e-3);
    classifier.dispose();
  });

  it('masked mean pooling averages exactly the first `length` frames of each sequence', () => {
    const h = tf.tensor3d([
      [[1], [3], [100]],
      [[2], [4], [6]],
    ]); // [2, 3, 1]
    expect(Array.from(maskedMeanOverTime(h, [2, 3]).dataSync())).toEqual([2, 4]);
    expect(() => maskedMeanOverTime(h, [0, 3])).toThrow(/at least one frame/);
  });

  it('fine-tunes the whole trunk and the new head, but not the replaced output layer', async () => {
    const classifier = createFopClassifier(fop, 3, 5);
    const names = Object.keys(classifier.variables);
    expect(names).toContain('head.kernel');
    expect(names).toContain('layer0.attn.qkv.kernel');
    expect(names.some((n) => n.startsWith('output.'))).toBe(false);
    const x = seededTensor3d([6, 8, 8], 3);
    const labels = [0, 1, 2, 0, 1, 2];
    const trunkBefore = fop.variables['input.kernel']!.clone();
    const optimizer = createAdam({ learningRate: 1e-2 });
    const losses: number[] = [];
    await trainLoop({
      variables: classifier.variables,
      optimizer,
      batches: Array.from({ length: 40 }, () => x),
      lossFn: (batch, context) => classifierLoss(classifier, batch, labels, context),
      epochs: 1,
      hooks: { onBatchEnd: ({ loss }) => void losses.push(loss) },
    });
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
    expect(maxAbsDiff(trunkBefore, fop.variables['input.kernel']!)).toBeGreaterThan(0); // the trunk moved too
    optimizer.dispose();
    classifier.dispose();
  });
});

describe('hypercolumns', () => {
  it('returns the input, each layer, their sum over the projected input (no positional encoding), and their concatenation', () => {
    const x = seededTensor3d([2, 5, 8], 4);
    const hc = fopHypercolumns(fop, x);
    const { embedded, hidden } = fop.encode(x, { training: false });
    expect(hc.F.shape).toEqual([2, 5, 8]);
    expect(maxAbsDiff(hc.F, x)).toBe(0);
    expect(hc.hidden).toHaveLength(2);
    expect(maxAbsDiff(hc.h1, hidden[0]!)).toBeLessThan(1e-6);
    expect(maxAbsDiff(hc.h2!, hidden[1]!)).toBeLessThan(1e-6);
    const projected = tf.sub(embedded, sinusoidalPositions(5, 16)); // W_e F: h_add carries no positions
    expect(maxAbsDiff(hc.add, tf.addN([projected, hidden[0]!, hidden[1]!]))).toBeLessThan(1e-5);
    expect(hc.concat.shape).toEqual([2, 5, 8 + 16 + 16]);
    expect(maxAbsDiff(tf.slice(hc.concat, [0, 0, 8], [2, 5, 16]), hidden[0]!)).toBeLessThan(1e-6);
    expect(maxAbsDiff(tf.slice(hc.concat, [0, 0, 24], [2, 5, 16]), hidden[1]!)).toBeLessThan(1e-6);
    // Frozen features: inference mode, so two calls agree exactly (no dropout).
    expect(maxAbsDiff(fopHypercolumns(fop, x).add, hc.add)).toBe(0);
  });
});
