import { describe, expect, it } from 'vitest';
import { chunked, mixSeed, shuffledBatches, shuffledIndices } from './random';

describe('seeded batching', () => {
  it('chunks in order, the last chunk shorter', () => {
    expect(chunked([5, 6, 7, 8, 9], 2)).toEqual([[5, 6], [7, 8], [9]]);
    expect(chunked([], 3)).toEqual([]);
  });

  it('cuts the seeded shuffle into batches: every index once, the same for the same seed, another order per epoch', () => {
    const epoch0 = shuffledBatches(10, 4, mixSeed(7, 0));
    expect(epoch0.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(epoch0.flat()).toEqual(shuffledIndices(10, mixSeed(7, 0)));
    expect(shuffledBatches(10, 4, mixSeed(7, 0))).toEqual(epoch0);
    expect(shuffledBatches(10, 4, mixSeed(7, 1)).flat()).not.toEqual(epoch0.flat());
    expect([...epoch0.flat()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
