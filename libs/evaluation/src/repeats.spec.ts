import { describe, expect, it } from 'vitest';
import { evaluate } from './metrics';
import { aggregateReports, meanStd, runRepeats } from './repeats';

describe('runRepeats', () => {
  it('runs once per repeat with seeds baseSeed + i, in order, awaiting async runs', async () => {
    const calls: string[] = [];
    const results = await runRepeats({ repeats: 3, baseSeed: 100 }, async (seed, i) => {
      calls.push(`${i}:${seed}`);
      await new Promise((resolve) => setImmediate(resolve));
      return seed * 2;
    });
    expect(calls).toEqual(['0:100', '1:101', '2:102']);
    expect(results).toEqual([
      { repeatIndex: 0, seed: 100, result: 200 },
      { repeatIndex: 1, seed: 101, result: 202 },
      { repeatIndex: 2, seed: 102, result: 204 },
    ]);
  });

  it('refuses a non-positive repeat count', async () => {
    await expect(runRepeats({ repeats: 0, baseSeed: 1 }, () => 1)).rejects.toThrow(/positive integer/);
  });
});

describe('meanStd', () => {
  it('uses the sample standard deviation (n - 1)', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32/7
    const { mean, std, n } = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(n).toBe(8);
  });

  it('has no std for one value', () => {
    expect(meanStd([0.42])).toEqual({ mean: 0.42, std: null, n: 1 });
    expect(() => meanStd([])).toThrow();
    expect(() => meanStd([1, Number.NaN])).toThrow(/finite/);
  });
});

describe('aggregateReports', () => {
  it('averages each metric over repeats and skips repeats where a class had no test items', () => {
    const r1 = evaluate(['a', 'b'], ['a', 'b'], ['a', 'b']); // WA 1, recall b 1
    const r2 = evaluate(['a', 'a'], ['a', 'b'], ['a', 'b']); // WA 0.5, b absent
    const agg = aggregateReports([r1, r2]);
    expect(agg.wa.mean).toBeCloseTo(0.75, 12);
    expect(agg.wa.std).toBeCloseTo(Math.SQRT1_2 / 2, 12); // |1 - 0.5| / sqrt(2)
    expect(agg.perClassRecall.a).toEqual({ mean: 0.75, std: expect.any(Number), n: 2 });
    expect(agg.perClassRecall.b).toEqual({ mean: 1, std: null, n: 1 });
  });
});
