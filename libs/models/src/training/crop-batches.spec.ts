import { describe, expect, it } from 'vitest';
import { cropBatches } from './crop-batches';

// Frame f of sequence s holds the value s * 1000 + f in every mel, so each crop says where it came from.
function labelledSequence(s: number, frames: number, nMels: number): Float32Array {
  const out = new Float32Array(frames * nMels);
  for (let f = 0; f < frames; f++) out.fill(s * 1000 + f, f * nMels, (f + 1) * nMels);
  return out;
}

const nMels = 3;
const lengths = [30, 12, 50, 8, 41];
const sequences = lengths.map((frames, s) => labelledSequence(s, frames, nMels));

describe('cropBatches', () => {
  it('covers every sequence once per epoch with contiguous crops from inside it, padding short ones', () => {
    const batches = [...cropBatches(sequences, { batchSize: 2, cropFrames: 10, seed: 1, nMels })];
    expect(batches.map((b) => b.batch)).toEqual([2, 2, 1]);
    expect(batches.flatMap((b) => b.sources).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const b of batches) {
      b.sources.forEach((source, row) => {
        const frames = lengths[source]!;
        expect(b.lengths[row]).toBe(Math.min(frames, 10));
        const first = b.x[row * 10 * nMels]! - source * 1000;
        expect(first).toBeGreaterThanOrEqual(0);
        for (let t = 0; t < 10; t++) {
          const value = b.x[(row * 10 + t) * nMels + 2]!;
          // Real frames are consecutive frames of their source; padding is zero.
          expect(value).toBe(t < b.lengths[row]! ? source * 1000 + first + t : 0);
        }
        expect(first + b.lengths[row]!).toBeLessThanOrEqual(frames);
      });
    }
  });

  it('is reproducible from (seed, epoch) and differs across epochs and seeds', () => {
    const run = (seed: number, epoch: number) =>
      [...cropBatches(sequences, { batchSize: 2, cropFrames: 5, seed, epoch, nMels })].map((b) => [b.sources, Array.from(b.x)]);
    expect(run(3, 0)).toEqual(run(3, 0));
    expect(run(3, 1)).not.toEqual(run(3, 0));
    expect(run(4, 0)).not.toEqual(run(3, 0));
  });

  it('can drop a last partial batch and rejects malformed input', () => {
    expect([...cropBatches(sequences, { batchSize: 2, cropFrames: 5, seed: 1, nMels, dropLast: true })].map((b) => b.batch)).toEqual([2, 2]);
    expect(() => [...cropBatches([new Float32Array(7)], { batchSize: 1, cropFrames: 5, seed: 1, nMels })]).toThrow(/whole number/);
    expect(() => [...cropBatches(sequences, { batchSize: 0, cropFrames: 5, seed: 1, nMels })]).toThrow(/batchSize/);
  });
});

describe('cropBatches defaults', () => {
  it('makes batches of 32 crops of 200 frames of 80 mels', () => {
    const long = Array.from({ length: 40 }, (_, s) => labelledSequence(s, 250, 80));
    const [first, second] = [...cropBatches(long, { seed: 1 })];
    expect([first!.batch, first!.frames, first!.nMels, second!.batch]).toEqual([32, 200, 80, 8]);
    expect(first!.x.length).toBe(32 * 200 * 80);
  });
});
