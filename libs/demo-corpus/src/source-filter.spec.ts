import { describe, expect, it } from 'vitest';
import { EMOTION_PROSODY } from './emotions';
import { measureProsody } from './prosody-measure';
import { mulberry32 } from './random';
import { synthesizeSourceFilterSpeech } from './source-filter';
import { demoSpeakers, type DemoSpeaker } from './speakers';

const RATE = 16000;
const base = demoSpeakers(1)[0]!;

/** Same seed, same plan: only the changed speaker property differs between two renderings. */
function speak(speaker: DemoSpeaker, seed = 3): Float32Array {
  return synthesizeSourceFilterSpeech(speaker, EMOTION_PROSODY.neutral, RATE, mulberry32(seed));
}

function brightness(x: Float32Array): number {
  let diff = 0;
  let power = 0;
  for (let i = 1; i < x.length; i++) {
    diff += (x[i]! - x[i - 1]!) ** 2;
    power += x[i]! ** 2;
  }
  return Math.sqrt(diff / power);
}

describe('synthesizeSourceFilterSpeech', () => {
  it("puts the voice's F0 where the speaker's base F0 says (doubling it doubles the measured F0)", () => {
    const low = measureProsody(speak({ ...base, baseF0Hz: 110 }), RATE);
    const high = measureProsody(speak({ ...base, baseF0Hz: 220 }), RATE);
    expect(high.meanF0Hz / low.meanF0Hz).toBeGreaterThan(1.9);
    expect(high.meanF0Hz / low.meanF0Hz).toBeLessThan(2.1);
    // Neutral: within ~2 semitones of the base after declination, accents and drift.
    expect(Math.abs(12 * Math.log2(low.meanF0Hz / 110))).toBeLessThan(2);
    expect(low.voicedFraction).toBeGreaterThan(0.6);
  });

  it('a shorter vocal tract (higher formant scale) gives a brighter voice at the same F0', () => {
    const long = speak({ ...base, formantScale: 1.0 });
    const short = speak({ ...base, formantScale: 1.25 });
    expect(long.length).toBe(short.length);
    expect(brightness(short)).toBeGreaterThan(1.1 * brightness(long));
  });

  it('keeps the speech within what fits a 3 s file and never shorter than two syllables', () => {
    for (let seed = 0; seed < 12; seed++) {
      const seconds = speak(base, seed).length / RATE;
      expect(seconds).toBeGreaterThan(0.2);
      expect(seconds).toBeLessThan(2.73);
    }
  });
});
