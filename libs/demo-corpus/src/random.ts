/** Seeded randomness: every draw in the corpus comes from here, so a seed fixes every byte. */
export type Random = () => number;

/** mulberry32: a tiny, well-mixed 32-bit PRNG, identical on every platform. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
