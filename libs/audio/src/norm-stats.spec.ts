import { describe, expect, it } from 'vitest';
import { NormStats, RunningStats, applyNormalization } from './norm-stats';

function frames(n: number, dim: number, seed: number, offset = 0): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n * dim }, (_, i) => {
    s = (s * 16807) % 2147483647;
    return offset + (i % dim) * 3 + (s / 2147483647) * 10;
  });
}

function batchMoments(data: Float32Array, dim: number) {
  const n = data.length / dim;
  const mean = Array.from({ length: dim }, (_, d) => {
    let sum = 0;
    for (let f = 0; f < n; f++) sum += data[f * dim + d]!;
    return sum / n;
  });
  const variance = mean.map((m, d) => {
    let sum = 0;
    for (let f = 0; f < n; f++) sum += (data[f * dim + d]! - m) ** 2;
    return sum / n;
  });
  return { mean, variance };
}

const concat = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

describe('RunningStats', () => {
  const a = frames(37, 4, 1, 1000); // a large offset checks the accumulation is numerically stable
  const b = frames(5, 4, 2, 1000);
  const c = frames(120, 4, 3, 1000);
  const all = concat(a, b, c);
  const expected = batchMoments(all, 4);

  it('adding batches one by one gives the statistics of all frames at once', () => {
    const stats = new RunningStats(4).add(a).add(b).add(c);
    expect(stats.count).toBe(162);
    stats.mean.forEach((m, d) => expect(m).toBeCloseTo(expected.mean[d]!, 9));
    stats.variance().forEach((v, d) => expect(v).toBeCloseTo(expected.variance[d]!, 8));
  });

  it('merging accumulators (Chan) equals the batch statistics, in any grouping', () => {
    const left = new RunningStats(4).add(a);
    const right = new RunningStats(4).add(c).merge(new RunningStats(4).add(b));
    const merged = left.merge(right);
    expect(merged.count).toBe(162);
    merged.mean.forEach((m, d) => expect(m).toBeCloseTo(expected.mean[d]!, 9));
    merged.variance().forEach((v, d) => expect(v).toBeCloseTo(expected.variance[d]!, 8));
    merged.std().forEach((s, d) => expect(s).toBeCloseTo(Math.sqrt(expected.variance[d]!), 8));
  });

  it('survives a JSON round trip exactly', () => {
    const stats = new RunningStats(4).add(all);
    const back = RunningStats.fromJSON(JSON.parse(JSON.stringify(stats)));
    expect(back.count).toBe(stats.count);
    expect(Array.from(back.mean)).toEqual(Array.from(stats.mean));
    expect(Array.from(back.m2)).toEqual(Array.from(stats.m2));
  });

  it('rejects partial frames and mismatched dims', () => {
    expect(() => new RunningStats(4).add(new Float32Array(6))).toThrow(RangeError);
    expect(() => new RunningStats(4).merge(new RunningStats(3))).toThrow(RangeError);
  });
});

describe('NormStats and applyNormalization', () => {
  it('keeps per-speaker and global statistics', () => {
    const stats = new NormStats(2)
      .add('SM1', Float32Array.of(1, 10, 3, 30))
      .add('SF2', Float32Array.of(5, 50))
      .add('SM1', Float32Array.of(5, 50));
    expect(stats.forSpeaker('SM1').count).toBe(3);
    expect(Array.from(stats.forSpeaker('SM1').mean)).toEqual([3, 30]);
    expect(Array.from(stats.forSpeaker('SF2').mean)).toEqual([5, 50]);
    expect(stats.global.count).toBe(4);
    expect(Array.from(stats.global.mean)).toEqual([3.5, 35]);
    expect(stats.forSpeaker('unseen')).toBe(stats.global);
  });

  it('merges shards and round-trips through JSON', () => {
    const shard1 = new NormStats(2).add('A', Float32Array.of(1, 2, 3, 4));
    const shard2 = new NormStats(2).add('A', Float32Array.of(5, 6)).add('B', Float32Array.of(7, 8));
    const whole = new NormStats(2).add('A', Float32Array.of(1, 2, 3, 4, 5, 6)).add('B', Float32Array.of(7, 8));
    const merged = NormStats.fromJSON(JSON.parse(JSON.stringify(shard1.merge(shard2))));
    expect(merged.toJSON().speakers['A']!.mean).toEqual(whole.toJSON().speakers['A']!.mean);
    merged.global.variance().forEach((v, d) => expect(v).toBeCloseTo(whole.global.variance()[d]!, 12));
    expect(Object.keys(merged.toJSON().speakers)).toEqual(['A', 'B']);
  });

  it('z-normalises features to zero mean and unit variance per dimension', () => {
    const data = frames(200, 3, 9, -50);
    const stats = new RunningStats(3).add(data);
    const z = applyNormalization(data, stats);
    const { mean, variance } = batchMoments(z, 3);
    mean.forEach((m) => expect(m).toBeCloseTo(0, 5));
    variance.forEach((v) => expect(v).toBeCloseTo(1, 4));
  });

  it('keeps a constant dimension finite (epsilon)', () => {
    const data = Float32Array.of(1, 7, 2, 7, 3, 7);
    const z = applyNormalization(data, new RunningStats(2).add(data));
    expect(z[1]).toBe(0);
    expect(Number.isFinite(z[3])).toBe(true);
  });
});
