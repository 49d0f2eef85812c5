import { describe, expect, it } from 'vitest';
import { createResampler, resample, type ResampleEngine } from './resample';
import { audioWork, resetAudioWork } from './work';

function signal(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return 0.4 * (s / 2147483648 - 0.5) + 0.5 * Math.sin(i / 7.3) * Math.sin(i / 1111);
  });
}

const run = (x: Float32Array, from: number, to: number, engine: ResampleEngine) => createResampler(from, to, { engine }).process(x);

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < b.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('WebAssembly resampling kernel (engine "wasm")', () => {
  // float32 sums (as torchaudio's conv1d) vs the JavaScript path's float64: a few float32 ulps of |x| <= 1.
  const pairs: [number, number][] = [
    [44100, 16000],
    [48000, 16000],
    [22050, 16000],
    [8000, 16000],
    [11025, 16000],
    [32000, 16000],
    [16000, 44100],
  ];
  for (const [from, to] of pairs) {
    it(`matches the JavaScript engine ${from} Hz -> ${to} Hz, whatever the clip length`, () => {
      for (const seconds of [0.3, 1, 2.71]) {
        const x = signal(Math.round(from * seconds) + 7, from);
        expect(maxDifference(run(x, from, to, 'wasm'), run(x, from, to, 'javascript'))).toBeLessThan(1e-6);
      }
    });
  }

  it('crosses its memory chunks seamlessly (a 48 kHz clip of more than 1024 blocks of three samples)', () => {
    const x = signal(48000 * 2, 3); // 32,000 blocks: 32 chunks
    expect(maxDifference(run(x, 48000, 16000, 'wasm'), run(x, 48000, 16000, 'javascript'))).toBeLessThan(1e-6);
  });

  it('gives the same output for a clip whatever ran before it (its memory is reused)', () => {
    const short = signal(9000, 1);
    const fresh = Array.from(run(short, 44100, 16000, 'wasm'));
    run(signal(44100 * 3, 2), 44100, 16000, 'wasm');
    expect(Array.from(run(short, 44100, 16000, 'wasm'))).toEqual(fresh);
  });

  it('is what "auto" uses for the common rates, and refuses a pair whose kernel is too large to unroll', () => {
    const x = signal(44100, 5);
    expect(Array.from(resample(x, 44100, 16000))).toEqual(Array.from(run(x, 44100, 16000, 'wasm')));
    expect(() => run(signal(44101, 6), 44101, 16000, 'wasm')).toThrow(/too large for the WebAssembly engine/);
    // ... where "auto" falls back to the JavaScript loop.
    const odd = signal(44101, 6);
    expect(Array.from(resample(odd, 44101, 16000))).toEqual(Array.from(run(odd, 44101, 16000, 'javascript')));
  });

  it('counts work proportional to the clip, not to the memory it keeps', () => {
    const work = (n: number) => {
      run(signal(100, 1), 44100, 16000, 'wasm'); // kernel built and instantiated outside the count
      resetAudioWork();
      run(signal(n, 1), 44100, 16000, 'wasm');
      return audioWork.resampleSteps;
    };
    const [one, ten] = [work(44100), work(441000)];
    expect(ten / one).toBeGreaterThan(8);
    expect(ten / one).toBeLessThan(12);
  });
});
