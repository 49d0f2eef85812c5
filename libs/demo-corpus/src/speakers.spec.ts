import { describe, expect, it } from 'vitest';
import { demoSpeakers } from './speakers';

describe('demoSpeakers', () => {
  it('alternates male and female speakers with unique ids and espeak voices of their gender', () => {
    const speakers = demoSpeakers(6);
    expect(speakers.map((s) => s.id)).toEqual(['spk01', 'spk02', 'spk03', 'spk04', 'spk05', 'spk06']);
    expect(speakers.map((s) => s.gender)).toEqual(['male', 'female', 'male', 'female', 'male', 'female']);
    for (const s of speakers) expect(s.espeakVoice).toMatch(s.gender === 'male' ? /^en-(us|gb)\+m\d$/ : /^en-(us|gb)\+f\d$/);
    expect(new Set(speakers.map((s) => s.espeakVoice)).size).toBe(6);
  });

  it('gives men ~120 Hz and women ~210 Hz, and women shorter vocal tracts (higher formants)', () => {
    for (const s of demoSpeakers(12)) {
      const [lo, hi] = s.gender === 'male' ? [100, 140] : [180, 240];
      expect(s.baseF0Hz).toBeGreaterThanOrEqual(lo);
      expect(s.baseF0Hz).toBeLessThanOrEqual(hi);
      expect(s.formantScale).toBeGreaterThan(s.gender === 'male' ? 0.95 : 1.1);
      expect(s.formantScale).toBeLessThan(s.gender === 'male' ? 1.05 : 1.23);
      expect(s.espeakPitch).toBeGreaterThanOrEqual(0);
      expect(s.espeakPitch).toBeLessThanOrEqual(99);
    }
  });

  it('describes the same speakers every time, and a prefix of a longer list', () => {
    expect(demoSpeakers(3)).toEqual(demoSpeakers(8).slice(0, 3));
    const [a, b] = demoSpeakers(2);
    expect(a!.baseF0Hz).not.toBe(b!.baseF0Hz);
  });

  it('refuses a non-positive or fractional count', () => {
    expect(() => demoSpeakers(0)).toThrow(RangeError);
    expect(() => demoSpeakers(2.5)).toThrow(RangeError);
  });
});
