import { describe, expect, it } from 'vitest';
import { Standardizer } from './standardizer';

describe('Standardizer', () => {
  const train = [
    [0, 10],
    [2, 10],
    [4, 10],
  ];

  it('z-scores with the training mean and population std; a constant feature maps to 0', () => {
    const s = Standardizer.fit(train);
    expect(s.state.mean).toEqual([2, 10]);
    expect(s.state.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.state.std[1]).toBe(1);
    expect(s.transform(train).map((row) => row[1])).toEqual([0, 0, 0]);
  });

  it('transforms test rows with the training statistics, never refitting on them', () => {
    const s = Standardizer.fit(train);
    const test = [new Float32Array([2, 10]), new Float32Array([100, 50])];
    const [a, b] = s.transform(test);
    expect(a).toEqual([0, 0]);
    expect(b![0]).toBeCloseTo(98 / Math.sqrt(8 / 3), 5);
    expect(b![1]).toBe(40);
    expect(s.state.mean).toEqual([2, 10]); // unchanged by the outlying test rows
    expect(Standardizer.fromJSON(JSON.parse(JSON.stringify(s))).transform(test)).toEqual(s.transform(test));
  });

  it('refuses rows of another width', () => {
    expect(() => Standardizer.fit(train).transform([[1, 2, 3]])).toThrow(/fitted on 2/);
  });
});
