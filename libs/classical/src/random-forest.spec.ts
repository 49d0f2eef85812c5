import { describe, expect, it } from 'vitest';
import type { TreeJson } from './binned-tree';
import { loadRandomForest, trainRandomForest, type RandomForestOptions } from './random-forest';
import { accuracy, gaussianBlobs } from './toy-data';

const twoBlobs = (seed: number) =>
  gaussianBlobs({
    centers: [
      [0, 0, 0, 0],
      [3, 3, 3, 3],
    ],
    perClass: 100,
    spread: 1,
    seed,
  });
const threeBlobs = (seed: number) =>
  gaussianBlobs({
    centers: [
      [0, 0],
      [4, 0],
      [0, 4],
    ],
    perClass: 60,
    spread: 0.8,
    seed,
  });

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
    const forest = trainRandomForest(
      tr.X,
      tr.y.map((l) => l + 7),
      { nEstimators: 30, maxFeatures: 2, seed: 1 },
    );
    expect(forest.labels).toEqual([7, 8, 9]);
    expect(
      accuracy(
        forest.predict(te.X),
        te.y.map((l) => l + 7),
      ),
    ).toBeGreaterThan(0.95);
  });

  it('is deterministic under a seed, and the seed matters', () => {
    const tr = gaussianBlobs({
      centers: [
        [0, 0, 0, 0],
        [1, 1, 1, 1],
      ],
      perClass: 40,
      spread: 1,
      seed: 5,
    });
    const fit = (seed: number) => trainRandomForest(tr.X, tr.y, { nEstimators: 10, seed });
    expect(JSON.stringify(fit(3).toJSON())).toBe(JSON.stringify(fit(3).toJSON()));
    expect(fit(3).predict(tr.X)).toEqual(fit(3).predict(tr.X));
    expect(JSON.stringify(fit(4).toJSON())).not.toBe(JSON.stringify(fit(3).toJSON()));
  });

  it('honours maxDepth and minSamplesLeaf, and refuses a maxFeatures beyond the feature count', () => {
    const tr = threeBlobs(6);
    const depthOf = (tree: TreeJson, node = 0): number =>
      tree.feature[node]! < 0 ? 0 : 1 + Math.max(depthOf(tree, tree.left[node]), depthOf(tree, tree.right[node]));
    const trees = (options: RandomForestOptions) => trainRandomForest(tr.X, tr.y, { nEstimators: 4, seed: 1, ...options }).toJSON().forest.trees;
    expect(Math.max(...trees({ maxDepth: 1 }).map((t) => depthOf(t)))).toBe(1);
    expect(Math.max(...trees({}).map((t) => depthOf(t)))).toBeGreaterThan(1);
    // A leaf of >= 40 rows: the 180 bootstrap rows allow few splits, so trees stay shallow.
    const leafSizes = trees({ minSamplesLeaf: 40 }).flatMap((t) => t.leaf.filter((l) => l.length > 0));
    expect(leafSizes.length).toBeLessThanOrEqual(4 * 4);
    expect(() => trees({ maxFeatures: 3 })).toThrow(/maxFeatures/);
  });

  it('class weights move the vote towards the weighted class where classes overlap', () => {
    const tr = gaussianBlobs({
      centers: [
        [0, 0],
        [0.5, 0.5],
      ],
      perClass: 150,
      spread: 1.5,
      seed: 8,
    });
    const votesFor1 = (classWeights?: Record<number, number>) =>
      trainRandomForest(tr.X, tr.y, { nEstimators: 15, maxDepth: 2, seed: 4, classWeights })
        .predict(tr.X)
        .filter((p) => p === 1).length;
    expect(votesFor1({ 0: 1, 1: 10 })).toBeGreaterThan(votesFor1());
    expect(votesFor1({ 0: 10, 1: 1 })).toBeLessThan(votesFor1());
  });

  it('gives probabilities that sum to 1 per row, in label order', () => {
    const tr = threeBlobs(7);
    const forest = trainRandomForest(tr.X, tr.y, { nEstimators: 5, seed: 2 });
    const probs = forest.predictProbability(tr.X.slice(0, 6));
    for (const [i, row] of probs.entries()) {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(forest.labels[row.indexOf(Math.max(...row))]).toBe(forest.predict([tr.X[i]!])[0]);
    }
  });

  it('survives a JSON round trip', () => {
    const tr = threeBlobs(9);
    const forest = trainRandomForest(tr.X, tr.y, { nEstimators: 5, seed: 2 });
    const restored = loadRandomForest(JSON.parse(JSON.stringify(forest.toJSON())));
    expect(restored.predict(tr.X)).toEqual(forest.predict(tr.X));
  });
});
