import { describe, expect, it } from 'vitest';
import { balancedSampler, classWeights } from './imbalance';

describe('classWeights', () => {
  it("'balanced' is n_samples / (n_classes * count); an unseen class gets 0", () => {
    const labels = [...Array<string>(6).fill('a'), ...Array<string>(3).fill('b'), 'c'];
    // n = 10, 4 classes: a 10/(4·6), b 10/(4·3), c 10/(4·1), d unseen
    expect(classWeights(labels, ['a', 'b', 'c', 'd'], 'balanced')).toEqual({ a: 10 / 24, b: 10 / 12, c: 2.5, d: 0 });
    expect(classWeights(labels, ['a', 'b', 'c'], 'none')).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('gives every class the same total weight', () => {
    const labels = ['x', 'x', 'x', 'y', 'z', 'z'];
    const w = classWeights(labels, ['x', 'y', 'z'], 'balanced');
    expect(3 * w.x!).toBeCloseTo(1 * w.y!, 12);
    expect(2 * w.z!).toBeCloseTo(1 * w.y!, 12);
    expect(() => classWeights(['q'], ['x'], 'balanced')).toThrow(/"q"/);
  });
});

describe('balancedSampler', () => {
  const items = [...[0, 1, 2, 3, 4].map((i) => ({ id: `a${i}`, label: 'a' })), ...[0, 1].map((i) => ({ id: `b${i}`, label: 'b' })), { id: 'c0', label: 'c' }];
  const sampler = balancedSampler(items, 11);

  it('oversamples every class to the size of the largest one, keeping every item', () => {
    const epoch = sampler.epoch(0);
    expect(sampler.epochSize).toBe(15);
    expect(epoch).toHaveLength(15);
    const counts: Record<string, number> = {};
    for (const item of epoch) counts[item.label] = (counts[item.label] ?? 0) + 1;
    expect(counts).toEqual({ a: 5, b: 5, c: 5 });
    for (const item of items) expect(epoch).toContain(item);
    const bCounts = ['b0', 'b1'].map((id) => epoch.filter((item) => item.id === id).length);
    expect(bCounts.sort()).toEqual([2, 3]); // extra draws spread without replacement while possible
  });

  it('is deterministic per (seed, epoch) and reshuffles between epochs', () => {
    const ids = (list: { id: string }[]) => list.map((item) => item.id);
    expect(ids(balancedSampler(items, 11).epoch(3))).toEqual(ids(sampler.epoch(3)));
    expect(ids(sampler.epoch(4))).not.toEqual(ids(sampler.epoch(3)));
    expect(ids(balancedSampler(items, 12).epoch(3))).not.toEqual(ids(sampler.epoch(3)));
  });
});
