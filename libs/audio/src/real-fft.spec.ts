import { describe, expect, it } from 'vitest';
import { RealFft } from './real-fft';
import { createPowerSpectrum } from './spectrum';

function naivePower(frame: Float64Array): Float64Array {
  const n = frame.length;
  return Float64Array.from({ length: n / 2 + 1 }, (_, k) => {
    let re = 0;
    let im = 0;
    for (let t = 0; t < n; t++) {
      re += frame[t]! * Math.cos((2 * Math.PI * k * t) / n);
      im -= frame[t]! * Math.sin((2 * Math.PI * k * t) / n);
    }
    return re * re + im * im;
  });
}

function randomFrame(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1);
}

function expectClose(actual: Float64Array, expected: Float64Array): void {
  const scale = Math.max(...expected);
  for (let k = 0; k < expected.length; k++) expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThan(1e-10 * scale);
}

describe('RealFft', () => {
  for (const n of [8, 16, 32, 64, 128, 256, 512, 1024]) {
    it(`gives the DFT power spectrum of a ${n}-point real frame`, () => {
      const frame = randomFrame(n, n);
      const out = new Float64Array(n / 2 + 1);
      new RealFft(n).spectrum(frame, out);
      expectClose(out, naivePower(frame));
    });
  }

  it('gives magnitudes with power 1', () => {
    const frame = randomFrame(64, 7);
    const out = new Float64Array(33);
    new RealFft(64).spectrum(frame, out, 1);
    expectClose(out, naivePower(frame).map(Math.sqrt));
  });

  it('rejects sizes that are not powers of two >= 8', () => {
    expect(() => new RealFft(12)).toThrow(RangeError);
    expect(() => new RealFft(4)).toThrow(RangeError);
  });
});

describe('createPowerSpectrum', () => {
  // 512 goes through RealFft, 256 through fft.js: both must agree with the DFT.
  for (const n of [256, 512]) {
    for (const power of [1, 2] as const) {
      it(`computes |X|^${power} for ${n} points`, () => {
        const frame = randomFrame(n, 3);
        const out = new Float64Array(n / 2 + 1);
        createPowerSpectrum(n, power)(frame, out);
        const expected = naivePower(frame);
        expectClose(out, power === 2 ? expected : expected.map(Math.sqrt));
      });
    }
  }
});
