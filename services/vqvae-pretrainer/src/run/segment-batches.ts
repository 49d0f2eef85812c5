import { mixSeed, shuffledIndices } from '@ser/models';
import type { Segments } from './load-segments';

/** Per-bin mean and standard deviation over a set of segments, so the VQ-VAE sees zero-mean unit-scale inputs. */
export function binStatistics(s: Segments, rows: readonly number[]): { mean: number[]; std: number[] } {
  const size = s.frames * s.bins;
  const sum = new Float64Array(s.bins);
  const squares = new Float64Array(s.bins);
  for (const r of rows) {
    for (let i = 0; i < size; i++) {
      const v = s.data[r * size + i]!;
      sum[i % s.bins]! += v;
      squares[i % s.bins]! += v * v;
    }
  }
  const n = Math.max(1, rows.length * s.frames);
  const mean = Array.from(sum, (v) => v / n);
  const std = Array.from(squares, (v, k) => Math.sqrt(Math.max(v / n - mean[k]! ** 2, 0)) || 1);
  return { mean, std };
}

/** Copies the given segments, normalised per bin, into one [rows, frames, bins] buffer. */
export function gatherSegments(s: Segments, rows: readonly number[], stats: { mean: number[]; std: number[] }): Float32Array {
  const size = s.frames * s.bins;
  const out = new Float32Array(rows.length * size);
  rows.forEach((r, j) => {
    for (let i = 0; i < size; i++) out[j * size + i] = (s.data[r * size + i]! - stats.mean[i % s.bins]!) / stats.std[i % s.bins]!;
  });
  return out;
}

/** Held-out and training segment indices, reproducible from the seed. */
export function splitSegments(count: number, fraction: number, seed: number): { train: number[]; heldOut: number[] } {
  const order = shuffledIndices(count, mixSeed(seed, 0x5e9));
  const held = count > 1 ? Math.min(count - 1, Math.round(count * fraction)) : 0;
  return { heldOut: order.slice(0, held), train: order.slice(held) };
}

/** One epoch's batches of training rows, reshuffled per epoch from (seed, epoch). */
export function* epochBatches(train: readonly number[], batchSize: number, seed: number, epoch: number): Generator<number[]> {
  const order = shuffledIndices(train.length, mixSeed(seed, epoch, 1));
  for (let i = 0; i < order.length; i += batchSize) yield order.slice(i, i + batchSize).map((k) => train[k]!);
}
