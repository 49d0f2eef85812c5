/**
 * Exact t-SNE (van der Maaten and Hinton 2008) for the few hundred test utterances a run keeps: O(n²) per
 * iteration is fine at that size, and it keeps the console free of a numeric library. Deterministic: the start
 * positions come from a seeded generator, so the same vectors draw the same plot.
 */
export interface TsneOptions {
  perplexity?: number; // 30 in the paper; clipped to (n - 1) / 3 for small sets
  iterations?: number;
  learningRate?: number;
  seed?: number;
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function squaredDistances(x: readonly (readonly number[])[]): Float64Array {
  const n = x.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < x[i]!.length; k++) sum += (x[i]![k]! - x[j]![k]!) ** 2;
      d[i * n + j] = d[j * n + i] = sum;
    }
  return d;
}

/** Symmetric input affinities P, each row's Gaussian width found by bisection to match the perplexity. */
function affinities(d: Float64Array, n: number, perplexity: number): Float64Array {
  const p = new Float64Array(n * n);
  const target = Math.log(perplexity);
  for (let i = 0; i < n; i++) {
    let [beta, lo, hi] = [1, 0, Infinity];
    for (let step = 0; step < 50; step++) {
      let [sum, weighted] = [0, 0];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const v = Math.exp(-d[i * n + j]! * beta);
        p[i * n + j] = v;
        sum += v;
        weighted += v * d[i * n + j]!;
      }
      sum = Math.max(sum, 1e-12);
      const entropy = Math.log(sum) + (beta * weighted) / sum;
      for (let j = 0; j < n; j++) p[i * n + j]! /= sum;
      if (Math.abs(entropy - target) < 1e-5) break;
      if (entropy > target) [lo, beta] = [beta, hi === Infinity ? beta * 2 : (beta + hi) / 2];
      else [hi, beta] = [beta, (beta + lo) / 2];
    }
  }
  const sym = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sym[i * n + j] = Math.max((p[i * n + j]! + p[j * n + i]!) / (2 * n), 1e-12);
  return sym;
}

/** 2-D embedding of the rows of `x`. */
export function tsne(x: readonly (readonly number[])[], opts: TsneOptions = {}): Array<[number, number]> {
  const n = x.length;
  if (n < 3) return x.map((_, i) => [i, 0]);
  const perplexity = Math.min(opts.perplexity ?? 30, (n - 1) / 3);
  const [iterations, rate] = [opts.iterations ?? 500, opts.learningRate ?? 100];
  const p = affinities(squaredDistances(x), n, perplexity);
  const random = seededRandom(opts.seed ?? 42);
  const y = Array.from({ length: n }, () => [(random() - 0.5) * 1e-2, (random() - 0.5) * 1e-2]);
  const velocity = Array.from({ length: n }, () => [0, 0]);
  const q = new Float64Array(n * n);
  for (let iter = 0; iter < iterations; iter++) {
    const exaggeration = iter < 100 ? 4 : 1; // early exaggeration forms clusters first
    const momentum = iter < 250 ? 0.5 : 0.8;
    let qSum = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = 1 / (1 + (y[i]![0]! - y[j]![0]!) ** 2 + (y[i]![1]! - y[j]![1]!) ** 2);
        q[i * n + j] = q[j * n + i] = v;
        qSum += 2 * v;
      }
    for (let i = 0; i < n; i++) {
      let [gx, gy] = [0, 0];
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const w = q[i * n + j]!;
        const force = 4 * (exaggeration * p[i * n + j]! - w / qSum) * w;
        gx += force * (y[i]![0]! - y[j]![0]!);
        gy += force * (y[i]![1]! - y[j]![1]!);
      }
      const [v, yi] = [velocity[i]!, y[i]!];
      v[0] = momentum * v[0]! - rate * gx;
      v[1] = momentum * v[1]! - rate * gy;
      yi[0] = yi[0]! + v[0];
      yi[1] = yi[1]! + v[1];
    }
  }
  return y.map(([a, b]) => [a!, b!]);
}
