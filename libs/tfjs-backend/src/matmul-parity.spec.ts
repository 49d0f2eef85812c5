import { describe, expect, it } from 'vitest';
import { initTfjs } from './init-tfjs';
import { BACKEND_KINDS, type BackendKind } from './kinds';

/** Deterministic pseudo-random values in [-1, 1), so every backend multiplies the same matrices. */
function seeded(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

async function matMulOn(kind: BackendKind): Promise<Float32Array> {
  const { tf } = await initTfjs({ prefer: kind });
  return tf.tidy(() => {
    const a = tf.tensor2d(seeded(67 * 129, 1), [67, 129]); // odd sizes exercise the kernels' edge tiles
    const b = tf.tensor2d(seeded(129 * 45, 2), [129, 45]);
    return tf.matMul(a, b).dataSync() as Float32Array;
  });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? NaN))), 0);
}

describe('matMul parity across backends', () => {
  it('wasm matches the pure-JS cpu reference', async () => {
    const reference = await matMulOn('cpu');
    const wasm = await matMulOn('wasm');
    expect(maxAbsDiff(reference, wasm)).toBeLessThan(1e-4);
    // The reference itself is checked against a plain triple loop, so both cannot be wrong together.
    const a = seeded(67 * 129, 1);
    const b = seeded(129 * 45, 2);
    let c00 = 0;
    for (let k = 0; k < 129; k++) c00 += (a[k] ?? 0) * (b[k * 45] ?? 0);
    expect(reference[0]).toBeCloseTo(c00, 4);
  });

  it('every other backend that loads here agrees with cpu too', async () => {
    const reference = await matMulOn('cpu');
    const loaded: string[] = [];
    for (const kind of BACKEND_KINDS.filter((k) => k !== 'cpu')) {
      const result = await matMulOn(kind).catch(() => undefined); // absent native packages are expected
      if (!result) continue;
      loaded.push(kind);
      expect(maxAbsDiff(reference, result), kind).toBeLessThan(1e-4);
    }
    expect(loaded).toContain('wasm');
  });
});
