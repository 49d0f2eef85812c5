/**
 * mulberry32: a tiny, well-mixed 32-bit PRNG in plain JS, identical on every platform and backend. Every seeded
 * draw in the platform (splits, crops, weight init, forests, the demo corpus, test signals) comes from here, so a
 * seed fixes the result everywhere. Callers that need a differently mixed seed hash it before calling.
 */
export type Random = () => number; // uniform in [0, 1)

/** The raw generator: uint32 values. */
export function mulberry32Uint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform floats in [0, 1). */
export function mulberry32(seed: number): Random {
  const next = mulberry32Uint32(seed);
  return () => next() / 4294967296;
}
