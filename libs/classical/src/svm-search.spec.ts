import { describe, expect, it } from 'vitest';
import { groupFolds, searchSvm } from './svm-search';
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
