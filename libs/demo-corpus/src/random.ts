/** Seeded randomness: every draw in the corpus comes from here (the generator is @ser/random's), so a seed fixes every byte. */
import type { Random } from '@ser/random';

export { mulberry32, type Random } from '@ser/random';

/**
 * One 32-bit seed from several integers (FNV-1a over their bytes). Each utterance gets its own
 * stream from (seed, speaker, emotion, index), so its audio does not depend on generation order.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    let v = part >>> 0;
    for (let i = 0; i < 4; i++, v >>>= 8) h = Math.imul(h ^ (v & 0xff), 0x01000193) >>> 0;
  }
  return h;
}

export function uniform(random: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * random();
}

/** Standard normal draw (Box–Muller; 1 - u keeps the log finite). */
export function gaussian(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick() needs a non-empty list');
  return item;
}
