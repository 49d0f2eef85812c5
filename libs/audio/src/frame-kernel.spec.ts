import { describe, expect, it } from 'vitest';
import { createLogMel, type LogMelEngine } from './log-mel';
import type { MelConfig } from './mel-config';

function noise(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648 - 0.5) * 0.6 * Math.sin(i / 97) + 0.2 * Math.sin((2 * Math.PI * 440 * i) / 16000);
  });
}

/** Largest |a - b| / max(1, |b|): one number, so a failure reports fast (no diff of 200k-element arrays). */
function maxRelativeDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < b.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return max;
}

const features = (config: Partial<MelConfig>, engine: LogMelEngine, x: Float32Array) => createLogMel(config, engine).compute(x);

describe('WebAssembly frame kernel (createLogMel engine "wasm")', () => {
  // Same float64 operations in the same order as the JavaScript path, so the features agree to the bit
  // (allowing one float32 ulp in case an engine contracts differently).
  const cases: [string, Partial<MelConfig>][] = [
    ['the canonical 512-point front end', {}],
    ['power 1 (magnitudes)', { power: 1 }],
    ['1024 points (radix-2 first stage) with an uncentred window', { nFft: 1024, winLength: 800, hopLength: 256, center: false }],
    ['256 points, 40 Slaney-normalised mels', { nFft: 256, winLength: 256, nMels: 40, melScale: 'slaney', norm: 'slaney' }],
    ['more mels than 256 points can fill (empty filters)', { nFft: 256, winLength: 200, nMels: 128 }],
  ];
  for (const [name, config] of cases) {
    it(`matches the JavaScript engine: ${name}`, () => {
      const x = noise(16000, 11);
      const wasm = features(config, 'wasm', x);
      const js = features(config, 'javascript', x);
      expect([wasm.frames, wasm.nMels]).toEqual([js.frames, js.nMels]);
      expect(maxRelativeDifference(wasm.data, js.data)).toBeLessThan(2 ** -22);
    });
  }

  it('handles clips longer than one kernel block and reuses its memory between clips', () => {
    const config = { hopLength: 16 }; // 40000 samples -> 2501 frames, past the 2048-frame block
    const fe = createLogMel(config, 'wasm');
    const long = noise(40000, 5);
    const short = noise(3000, 9);
    const first = fe.compute(long);
    expect(first.frames).toBe(2501);
    expect(maxRelativeDifference(first.data, features(config, 'javascript', long).data)).toBeLessThan(2 ** -22);
    expect(maxRelativeDifference(fe.compute(short).data, features(config, 'javascript', short).data)).toBeLessThan(2 ** -22);
  });

  it('keeps log(0) = -Infinity: "auto" with logOffset 0 runs in JavaScript', () => {
    const silence = new Float32Array(1600);
    expect(
      createLogMel({ logOffset: 0 })
        .compute(silence)
        .data.every((v) => v === -Infinity),
    ).toBe(true);
  });

  it('takes the log to float32 precision over the whole range (its own series, not Math.log)', () => {
    // Pure tones of amplitudes 1e-6 .. 1 put band energies from ~1e-12 to ~1e4 through the log.
    const fe = createLogMel({}, 'wasm');
    const js = createLogMel({}, 'javascript');
    for (const amplitude of [1e-6, 1e-3, 1]) {
      const x = Float32Array.from({ length: 4000 }, (_, i) => amplitude * Math.sin(0.3 * i) + amplitude * 0.01 * Math.sin(0.011 * i * i));
      expect(maxRelativeDifference(fe.compute(x).data, js.compute(x).data)).toBeLessThan(2 ** -22);
    }
  });

  it('is what "auto" picks up to 1024 points; larger sizes run in JavaScript', () => {
    const x = noise(8000, 3);
    expect(maxRelativeDifference(features({}, 'auto', x).data, features({}, 'wasm', x).data)).toBe(0);
    expect(() => createLogMel({ nFft: 2048, winLength: 2048 }, 'wasm')).toThrow(/nFft <= 1024/);
    expect(() => createLogMel({ logOffset: 0 }, 'wasm')).toThrow(/logOffset/);
    const big = features({ nFft: 2048, winLength: 2048 }, 'auto', x);
    expect(big.frames).toBe(1 + Math.floor(8000 / 160));
    expect(maxRelativeDifference(big.data, features({ nFft: 2048, winLength: 2048 }, 'javascript', x).data)).toBe(0);
  });
});
