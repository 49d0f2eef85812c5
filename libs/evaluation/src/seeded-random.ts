/**
 * Seeded pseudo-random numbers (mulberry32). Math.random cannot be seeded, and every split and sampler here
 * must give the same answer for the same seed so that a run can be reproduced from its saved config.
 */
import { mulberry32, type Random } from '@ser/random';

export type { Random };

export function seededRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  // Hash the seed first so neighbouring seeds (1, 2, 3 ... as repeats use) start far apart in the sequence.
  return mulberry32(hashSeed(Math.trunc(seed)));
}

/** A new seed derived from a seed and a stream index (e.g. per epoch), so streams do not overlap trivially. */
export function deriveSeed(seed: number, stream: number): number {
  return hashSeed((Math.trunc(seed) ^ Math.imul(Math.trunc(stream) + 1, 0x9e3779b1)) >>> 0);
}

function hashSeed(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher-Yates shuffle into a new array; the input is left untouched. */
export function shuffled<T>(values: readonly T[], random: Random): T[] {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
