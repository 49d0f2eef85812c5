import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFop, DEFAULT_FOP_CONFIG, type FopModel } from './fop';
import { fopHypercolumns } from './fop-heads';
import { batchHypercolumns, hypercolumnDim, meanOverFrames, pooledDim, poolFrames } from './hypercolumn-features';
import { seededValues } from './testing/fixtures';

const FOP = { ...DEFAULT_FOP_CONFIG, nMels: 6, dModel: 8, numHeads: 2, ffnUnits: 12, numLayers: 2 };

let fop: FopModel;
beforeAll(() => {
  fop = createFop(FOP, 5);
});
afterAll(() => fop.dispose());

describe('batchHypercolumns', () => {
  it.each(['F', 'add', 'concat'] as const)('%s: each row keeps only its first frames[i] frames, as the utterance cut and run alone', (representation) => {
    const sequences = [seededValues(9 * FOP.nMels, 1), seededValues(3 * FOP.nMels, 2)];
    const frames = [5, 3]; // the first row is cut: its 4 later frames must not count
    const out = batchHypercolumns(fop, sequences, frames, representation);
    const dim = hypercolumnDim(FOP, representation);
    sequences.forEach((s, i) => {
      const alone = tf.tidy(() =>
        fopHypercolumns(fop, tf.tensor3d(s.subarray(0, frames[i]! * FOP.nMels), [1, frames[i]!, FOP.nMels]))[representation]!.dataSync(),
      );
      expect(out[i]!.length).toBe(frames[i]! * dim);
      out[i]!.forEach((v, j) => expect(v).toBeCloseTo(alone[j]!, 4));
    });
  });

  it('refuses h2 of a one-layer FOP', () => {
    const shallow = createFop({ ...FOP, numLayers: 1 }, 1);
    expect(() => batchHypercolumns(shallow, [seededValues(2 * FOP.nMels, 1)], [2], 'h2')).toThrow(/h2/);
    shallow.dispose();
  });
});

describe('meanOverFrames', () => {
  it('averages each feature over time', () => {
    expect(Array.from(meanOverFrames(Float32Array.from([1, 10, 3, 20, 5, 60]), 2))).toEqual([3, 30]);
  });
});

describe('poolFrames', () => {
  const frames = Float32Array.from([1, 10, 3, 20, 5, 60]); // 3 frames x 2 features

  it("'mean' is the average over time", () => {
    expect(Array.from(poolFrames(frames, 2, 'mean'))).toEqual([3, 30]);
  });

  it("'mean-std' appends each feature's population standard deviation", () => {
    const pooled = poolFrames(frames, 2, 'mean-std');
    expect(pooled.length).toBe(pooledDim(2, 'mean-std'));
    expect(Array.from(pooled.subarray(0, 2))).toEqual([3, 30]);
    expect(pooled[2]).toBeCloseTo(Math.sqrt(8 / 3), 6); // (1-3)^2 + 0 + (5-3)^2 over 3
    expect(pooled[3]).toBeCloseTo(Math.sqrt((400 + 100 + 900) / 3), 4);
  });
});
