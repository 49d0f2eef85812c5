// Seeded randomness computed in plain JS, so initial weights, crops and shuffles are the same on every backend
// and a run can be replayed (or resumed) from its seed alone. Dropout masks: layers/dropout-mask.ts.
import { mulberry32, mulberry32Uint32 } from '@ser/random';

/** Mixes numbers into one 32-bit seed (murmur3 finaliser), so (seed, epoch, step) streams never overlap. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32 (@ser/random): tiny, fast and good enough for crops, shuffles and dropout masks. Returns uint32 values. */
export const createUint32Stream = mulberry32Uint32;

/** Uniform floats in [0, 1). */
export const createRandom = mulberry32;

/** Fisher-Yates shuffle of 0..n-1. */
export function shuffledIndices(n: number, seed: number): number[] {
  const random = createRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Consecutive chunks of `order`, at most `size` long. */
export function chunked<T>(order: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < order.length; i += size) out.push(order.slice(i, i + size));
  return out;
}

/** 0..n-1 shuffled from `seed` (mix the epoch in, so each epoch reshuffles) and cut into minibatches. */
export function shuffledBatches(n: number, batchSize: number, seed: number): number[][] {
  return chunked(shuffledIndices(n, seed), batchSize);
}

/** Values uniform in [-limit, limit), for weight initialisation. */
export function uniformArray(size: number, limit: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = (2 * random() - 1) * limit;
  return out;
}
