import { mulberry32 } from '@ser/random';

/**
 * A deterministic stand-in for speech, generated in code so tests and reference arrays need no
 * audio files: harmonic tones with vibrato, noise bursts, exact silence and a partial above 8 kHz
 * (present only when the rate allows it, so resampling to 16 kHz must remove it).
 */
export interface TestSignalParams {
  sampleRate: number;
  /** Length in seconds; default 1.5. */
  seconds?: number;
  /** Seed of the noise generator; default 20240607. */
  seed?: number;
}

export const TEST_SIGNAL_DEFAULTS = { seconds: 1.5, seed: 20240607 } as const;

/** 1 inside [start, end) with raised-cosine ramps of `ramp` seconds at both edges, else 0. */
function envelope(t: number, start: number, end: number, ramp: number): number {
  if (t < start || t >= end) return 0;
  const edge = Math.min(t - start, end - t);
  return edge >= ramp ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * edge) / ramp);
}

interface Voice {
  start: number;
  end: number;
  f0: number;
  vibratoHz: number;
  vibratoDepth: number; // fraction of f0
  harmonics: number;
  extraPartials: readonly { hz: number; amplitude: number }[];
}

const VOICES: readonly Voice[] = [
  { start: 0.0, end: 0.45, f0: 140, vibratoHz: 5.5, vibratoDepth: 0.04, harmonics: 12, extraPartials: [] },
  {
    start: 0.7,
    end: 1.2,
    f0: 220,
    vibratoHz: 6.5,
    vibratoDepth: 0.03,
    harmonics: 10,
    extraPartials: [
      { hz: 3100, amplitude: 0.08 },
      { hz: 11000, amplitude: 0.1 }, // above 8 kHz: only in 44.1 kHz audio, removed by the resampler
    ],
  },
];

export function synthesizeTestSignal(params: TestSignalParams): Float32Array {
  const sampleRate = params.sampleRate;
  const seconds = params.seconds ?? TEST_SIGNAL_DEFAULTS.seconds;
  const random = mulberry32(params.seed ?? TEST_SIGNAL_DEFAULTS.seed);
  const nyquistGuard = 0.45 * sampleRate; // partials this close to Nyquist are left out
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const phases = VOICES.map(() => 0);
  for (let n = 0; n < out.length; n++) {
    const t = n / sampleRate;
    let x = 0;
    VOICES.forEach((voice, v) => {
      const f0 = voice.f0 * (1 + voice.vibratoDepth * Math.sin(2 * Math.PI * voice.vibratoHz * t));
      phases[v]! += (2 * Math.PI * f0) / sampleRate; // integrated so vibrato bends every harmonic smoothly
      const gain = envelope(t, voice.start, voice.end, 0.01);
      if (gain === 0) return;
      for (let k = 1; k <= voice.harmonics && k * f0 < nyquistGuard; k++) x += (gain * 0.3 * Math.sin(k * phases[v]!)) / k;
      for (const p of voice.extraPartials) if (p.hz < nyquistGuard) x += gain * p.amplitude * Math.sin(2 * Math.PI * p.hz * t);
    });
    const noise = random() * 2 - 1; // drawn every sample so each burst's noise does not depend on the others
    x += 0.25 * envelope(t, 0.55, 0.7, 0.005) * noise; // broadband burst
    x += envelope(t, 1.3, 1.5, 0.005) * (0.02 * noise + 0.05 * Math.sin(2 * Math.PI * 6000 * t)); // quiet noise + 6 kHz
    out[n] = x;
  }
  return out;
}
