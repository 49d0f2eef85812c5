import { describe, expect, it } from 'vitest';
import { createResampler, resample } from './resample';

function tone(hz: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) => amplitude * Math.sin((2 * Math.PI * hz * n) / rate));
}

const rms = (x: Float32Array, from = 0, to = x.length) => Math.sqrt(x.subarray(from, to).reduce((s, v) => s + v * v, 0) / (to - from));

/** Amplitude of the signal's component at `hz` (single-bin DFT, Hann-free over whole periods). */
function amplitudeAt(x: Float32Array, hz: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let n = 0; n < x.length; n++) {
    re += x[n]! * Math.cos((2 * Math.PI * hz * n) / rate);
    im -= x[n]! * Math.sin((2 * Math.PI * hz * n) / rate);
  }
  return (2 * Math.hypot(re, im)) / x.length;
}

describe('resample (torchaudio sinc_interp_hann, width 6, rolloff 0.99)', () => {
  it('keeps a 1 kHz tone at 1 kHz with its energy when going 44.1 kHz -> 16 kHz', () => {
    const out = resample(tone(1000, 44100, 1), 44100, 16000);
    expect(out.length).toBe(16000);
    const middle = out.subarray(1000, 15000); // away from the zero-padded edges; 14000 samples = 875 periods
    expect(amplitudeAt(middle, 1000, 16000)).toBeCloseTo(0.5, 3);
    expect(amplitudeAt(middle, 1200, 16000)).toBeLessThan(1e-3); // 1050 whole periods: no leakage
    expect(rms(middle)).toBeCloseTo(0.5 / Math.SQRT2, 3);
  });

  it('attenuates content above the new Nyquist by over 40 dB instead of aliasing it', () => {
    const out = resample(tone(11000, 44100, 1), 44100, 16000); // would alias to 5 kHz
    // A Hann-windowed sinc 6 zero crossings wide stops ~50 dB; torchaudio's filter does the same.
    expect(rms(out, 1000, 15000)).toBeLessThan(0.01 * rms(tone(11000, 44100, 1)));
    expect(amplitudeAt(out.subarray(1000, 15000), 5000, 16000)).toBeLessThan(0.01 * 0.5);
    // ... while a tone just inside the pass band (0.99 x 8 kHz rolloff) keeps most of its level.
    expect(amplitudeAt(resample(tone(6000, 44100, 1), 44100, 16000).subarray(1000, 15000), 6000, 16000)).toBeGreaterThan(0.45);
  });

  it('upsamples 16 kHz -> 44.1 kHz keeping the tone', () => {
    const out = resample(tone(1000, 16000, 0.5), 16000, 44100);
    expect(out.length).toBe(Math.ceil((8000 * 441) / 160));
    expect(amplitudeAt(out.subarray(2205, 19845), 1000, 44100)).toBeCloseTo(0.5, 3);
  });

  it('gives ceil(new * n / old) samples for every length, like torchaudio', () => {
    const r = createResampler(48000, 16000);
    for (const n of [1, 2, 3, 4, 100, 1001]) expect(r.process(new Float32Array(n)).length).toBe(Math.ceil(n / 3));
    expect(createResampler(22050, 16000).outputLength(22050)).toBe(16000);
  });

  it('gives the same output for a clip whatever was resampled before it (buffers are reused)', () => {
    const short = tone(700, 44100, 0.2);
    const fresh = Array.from(resample(short, 44100, 16000));
    resample(tone(300, 44100, 2), 44100, 16000); // a longer clip leaves its samples in the reused buffer
    expect(Array.from(resample(short, 44100, 16000))).toEqual(fresh);
  });

  it('returns the input unchanged when the rates are equal', () => {
    const x = tone(440, 16000, 0.1);
    expect(resample(x, 16000, 16000)).toBe(x);
  });

  it('reuses one precomputed resampler per rate pair and options', () => {
    expect(createResampler(44100, 16000)).toBe(createResampler(44100, 16000));
    expect(createResampler(44100, 16000, { rolloff: 0.9 })).not.toBe(createResampler(44100, 16000));
  });

  it('rejects non-integer or non-positive rates', () => {
    expect(() => resample(new Float32Array(4), 44100.5, 16000)).toThrow(RangeError);
    expect(() => resample(new Float32Array(4), 0, 16000)).toThrow(RangeError);
  });
});
