import { describe, expect, it } from 'vitest';
import { loadRandomForest, trainRandomForest } from './random-forest';
import { accuracy, gaussianBlobs } from './toy-data';

const twoBlobs = (seed: number) => gaussianBlobs({ centers: [[0, 0, 0, 0], [3, 3, 3, 3]], perClass: 100, spread: 1, seed });
const threeBlobs = (seed: number) => gaussianBlobs({ centers: [[0, 0], [4, 0], [0, 4]], perClass: 60, spread: 0.8, seed });

describe('trainRandomForest', () => {
  it('separates two Gaussian blobs (> 95% on held-out data)', () => {
    const tr = twoBlobs(1);
    const te = twoBlobs(2);
    const forest = trainRandomForest(tr.X, tr.y, { nEstimators: 30, seed: 1 });
    expect(accuracy(forest.predict(te.X), te.y)).toBeGreaterThan(0.95);
  });

  it('solves a 3-class toy problem and maps arbitrary integer labels back', () => {
    const tr = threeBlobs(3);
    const te = threeBlobs(4);
    const forest = trainRandomForest(tr.X, tr.y.map((l) => l + 7), { nEstimators: 30, maxFeatures: 2, seed: 1 });
    expect(forest.labels).toEqual([7, 8, 9]);
    expect(accuracy(forest.predict(te.X), te.y.map((l) => l + 7))).toBeGreaterThan(0.95);
  });

  it('is deterministic under a seed, and the seed matters', () => {
    const tr = gaussianBlobs({ centers: [[0, 0, 0, 0], [1, 1, 1, 1]], perClass: 40, spread: 1, seed: 5 });
    const fit = (seed: number) => trainRandomForest(tr.X, tr.y, { nEstimators: 10, seed });
    expect(JSON.stringify(fit(3).toJSON())).toBe(JSON.stringify(fit(3).toJSON()));
    expect(fit(3).predict(tr.X)).toEqual(fit(3).predict(tr.X));
    expect(JSON.stringify(fit(4).toJSON())).not.toBe(JSON.stringify(fit(3).toJSON()));
  });

  it('gives each tree exactly maxFeatures features (the library would read 1 as "all")', () => {
    const tr = twoBlobs(6);
    const subsetSizes = (maxFeatures: 'sqrt' | number) => {
      const json = trainRandomForest(tr.X, tr.y, { nEstimators: 3, maxFeatures, seed: 1 }).toJSON();
      return (json.forest as { baseModel: { indexes: number[][] } }).baseModel.indexes.map((ix) => ix.length);
    };
    expect(subsetSizes(1)).toEqual([1, 1, 1]);
    expect(subsetSizes(3)).toEqual([3, 3, 3]);
    expect(subsetSizes('sqrt')).toEqual([2, 2, 2]);
    expect(subsetSizes(0.5)).toEqual([2, 2, 2]);
    expect(subsetSizes(4)).toEqual([4, 4, 4]);
    expect(() => subsetSizes(5)).toThrow(/maxFeatures/);
  });

  it('survives a JSON round trip', () => {
    const tr = threeBlobs(9);
    const forest = trainRandomForest(tr.X, tr.y, { nEstimators: 5, seed: 2 });
    const restored = loadRandomForest(JSON.parse(JSON.stringify(forest.toJSON())));
    expect(restored.predict(tr.X)).toEqual(forest.predict(tr.X));
  });
});
