import { describe, expect, it } from 'vitest';
import { measureProsody } from './prosody-measure';

const RATE = 16000;

/** A harmonic tone (10 partials, falling 1/k) at `f0`, amplitude `peak`, `seconds` long. */
function harmonicTone(f0: number, peak: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let n = 0; n < out.length; n++) {
    let x = 0;
    for (let k = 1; k <= 10; k++) x += Math.sin((2 * Math.PI * k * f0 * n) / RATE) / k;
    out[n] = (peak * x) / 2;
  }
  return out;
}

describe('measureProsody', () => {
  it.each([90, 140, 230, 380])('finds the F0 of a %d Hz harmonic tone within 2 %', (f0) => {
    const measured = measureProsody(harmonicTone(f0, 0.5, 0.6), RATE);
    expect(Math.abs(measured.meanF0Hz - f0) / f0).toBeLessThan(0.02);
    expect(measured.voicedFraction).toBeGreaterThan(0.9);
  });

  it('reports the level of the speech, not of the silence around it', () => {
    const tone = harmonicTone(150, 0.5, 0.5);
    const padded = new Float32Array(tone.length * 3);
    padded.set(tone, tone.length);
    const alone = measureProsody(tone, RATE).levelDb;
    expect(measureProsody(padded, RATE).levelDb).toBeCloseTo(alone, 1);
    // Half the amplitude is 6 dB less.
    const half = tone.map((x) => x / 2);
    expect(alone - measureProsody(half, RATE).levelDb).toBeCloseTo(20 * Math.log10(2), 1);
  });

  it('calls white noise unvoiced', () => {
    let state = 12345;
    const noise = new Float32Array(RATE).map(() => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32 - 0.5;
    });
    const measured = measureProsody(noise, RATE);
    expect(measured.voicedFraction).toBeLessThan(0.1);
  });
});
