import { describe, expect, it } from 'vitest';
import { groupFolds, searchSvm } from './svm-search';
import { trainSvm } from './svm';
import { gaussianBlobs } from './toy-data';

// Two classes on a ring: class 1 inside, class 0 outside. Only a narrow enough RBF separates them.
function ring(seed: number, perClass: number): { X: number[][]; y: number[] } {
  const inner = gaussianBlobs({ centers: [[0, 0]], perClass, spread: 0.5, seed });
  const outer = gaussianBlobs({ centers: [[0, 0]], perClass, spread: 1, seed: seed + 1 }).X.map(([a, b]) => {
    const r = Math.hypot(a!, b!) || 1;
    return [(3 * a!) / r, (3 * b!) / r];
  });
  return { X: [...outer, ...inner.X], y: [...outer.map(() => 0), ...inner.y.map(() => 1)] };
}

describe('groupFolds', () => {
  it('deals sorted groups round-robin into disjoint, non-empty folds', () => {
    const folds = groupFolds(['b', 'a', 'c', 'a', 'd', 'e'], 3);
    expect(folds.map((f) => [...f])).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
  });

  it('refuses a single group', () => {
    expect(() => groupFolds(['a', 'a'], 5)).toThrow(/at least 2 groups/);
  });
});

describe('searchSvm', () => {
  const data = ring(7, 60);
  const groups = data.X.map((_, i) => `speaker${i % 6}`);

  it('picks the grid point that separates the classes, not the one that cannot', () => {
    const result = searchSvm(data.X, data.y, groups, { C: [1, 10], gammaScale: [1e-4, 2], folds: 3 });
    expect(result.gamma).toBeCloseTo(2 / 2, 10); // gammaScale 2 over 2 features
    expect(result.innerUa).toBeGreaterThan(0.9);
  });

  it('reports the inner UA of a hopeless grid as what it is', () => {
    const result = searchSvm(data.X, data.y, groups, { C: [1], gammaScale: [1e-6], folds: 3 });
    expect(result.innerUa).toBeLessThan(0.8);
  });

  it('refuses mismatched groups', () => {
    expect(() => searchSvm(data.X, data.y, groups.slice(1), { C: [1], gammaScale: [1], folds: 3 })).toThrow(/must match/);
  });
});

// The search fits on precomputed kernels; these are the fits it stands for, one trainSvm per grid point and fold.
function referenceSearch(
  X: number[][],
  y: number[],
  groups: string[],
  grid: { C: number[]; gammaScale: number[]; folds: number },
  classWeights?: Record<number, number>,
) {
  const folds = groupFolds(groups, grid.folds);
  const scores: number[] = [];
  for (const C of grid.C) {
    for (const scale of grid.gammaScale) {
      let sum = 0;
      for (const held of folds) {
        const train = groups.flatMap((g, i) => (held.has(g) ? [] : [i]));
        const test = groups.flatMap((g, i) => (held.has(g) ? [i] : []));
        const svm = trainSvm(
          train.map((i) => X[i]!),
          train.map((i) => y[i]!),
          { kernel: 'rbf', C, gamma: scale / X[0]!.length, classWeights },
        );
        const predicted = svm.predict(test.map((i) => X[i]!));
        svm.dispose();
        const classes = [...new Set(test.map((i) => y[i]!))];
        sum +=
          classes.reduce((acc, k) => acc + test.filter((i, j) => y[i] === k && predicted[j] === k).length / test.filter((i) => y[i] === k).length, 0) /
          classes.length;
      }
      scores.push(sum / folds.length);
    }
  }
  return scores;
}

describe('searchSvm on precomputed kernels', () => {
  it('scores every grid point as RBF fits of libsvm do', () => {
    const blobs = gaussianBlobs({
      centers: [
        [0, 0, 0, 0],
        [1, 1, 0, 0],
        [0, 1, 1, 0],
      ],
      perClass: 30,
      spread: 0.8,
      seed: 3,
    });
    const groups = blobs.X.map((_, i) => `s${i % 5}`);
    const grid = { C: [0.1, 1, 10], gammaScale: [0.25, 1, 4], folds: 5 };
    const reference = referenceSearch(blobs.X, blobs.y, groups, grid);
    const best = Math.max(...reference);
    const result = searchSvm(blobs.X, blobs.y, groups, grid);
    expect(result.innerUa).toBeCloseTo(best, 10);
    const firstBest = reference.indexOf(best);
    expect(result.C).toBe(grid.C[Math.floor(firstBest / grid.gammaScale.length)]);
    expect(result.gamma).toBeCloseTo(grid.gammaScale[firstBest % grid.gammaScale.length]! / 4, 12);
  });

  it('fits with the class weights it is given, as weighted RBF fits do', () => {
    const blobs = gaussianBlobs({
      centers: [
        [0, 0],
        [1, 1],
        [0, 2],
      ],
      perClass: 24,
      spread: 1.2,
      seed: 8,
    });
    const X = blobs.X.slice(0, 60);
    const y = blobs.y.slice(0, 60); // an unbalanced set: 24, 24, 12
    const groups = X.map((_, i) => `s${i % 4}`);
    const grid = { C: [0.1, 1, 10], gammaScale: [0.5, 2], folds: 4 };
    const classWeights = { 0: 1, 1: 1, 2: 6 };
    const weighted = referenceSearch(X, y, groups, grid, classWeights);
    expect(weighted).not.toEqual(referenceSearch(X, y, groups, grid)); // the weights change what the fits predict
    expect(searchSvm(X, y, groups, grid, { kernel: 'rbf', classWeights }).innerUa).toBeCloseTo(Math.max(...weighted), 10);
  });
});
