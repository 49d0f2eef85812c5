import { describe, expect, it } from 'vitest';
import { EMOTION_PROSODY, type EmotionProsody } from './emotions';
import { mulberry32 } from './random';
import { demoSpeakers, type DemoSpeaker } from './speakers';
import { SPEECH_SECONDS, planSeconds, planUtterance } from './utterance-plan';

const speaker = demoSpeakers(1)[0]!;

/** Syllables per second over 20 plans: every syllable has exactly one full-voicing vowel. */
function syllableRate(who: DemoSpeaker, emotion: EmotionProsody): number {
  let syllables = 0;
  let seconds = 0;
  for (let seed = 0; seed < 20; seed++) {
    const plan = planUtterance(mulberry32(seed), who, emotion);
    syllables += plan.filter((s) => s.voicing === 1).length;
    seconds += planSeconds(plan);
  }
  return syllables / seconds;
}

describe('planUtterance', () => {
  it('speaks at a natural rate (3-7 syllables/s) and faster when angry than when sad', () => {
    const neutral = syllableRate(speaker, EMOTION_PROSODY.neutral);
    expect(neutral).toBeGreaterThan(3);
    expect(neutral).toBeLessThan(7);
    expect(syllableRate(speaker, EMOTION_PROSODY.angry)).toBeGreaterThan(1.3 * syllableRate(speaker, EMOTION_PROSODY.sad));
  });

  it("follows the speaker's own rate", () => {
    const fast = syllableRate({ ...speaker, rateFactor: 1.2 }, EMOTION_PROSODY.neutral);
    const slow = syllableRate({ ...speaker, rateFactor: 0.8 }, EMOTION_PROSODY.neutral);
    expect(fast / slow).toBeGreaterThan(1.3);
  });

  it('accents span a wider pitch range when angry than when sad', () => {
    const spread = (emotion: EmotionProsody) => {
      const accents = planUtterance(mulberry32(9), speaker, emotion).map((s) => s.accentSemitones);
      return Math.max(...accents) - Math.min(...accents);
    };
    expect(spread(EMOTION_PROSODY.angry)).toBeGreaterThan(2 * spread(EMOTION_PROSODY.sad));
  });

  it('scales every formant target by the speaker', () => {
    const plan = planUtterance(mulberry32(4), { ...speaker, formantScale: 1 }, EMOTION_PROSODY.neutral);
    const scaled = planUtterance(mulberry32(4), { ...speaker, formantScale: 1.2 }, EMOTION_PROSODY.neutral);
    plan.forEach((segment, i) => segment.formants.forEach((f, k) => expect(scaled[i]!.formants[k]).toBeCloseTo(1.2 * f, 6)));
  });

  it('stays under the hard maximum of speech seconds', () => {
    for (let seed = 0; seed < 30; seed++)
      expect(planSeconds(planUtterance(mulberry32(seed), speaker, EMOTION_PROSODY.sad))).toBeLessThanOrEqual(SPEECH_SECONDS.hardMax);
  });
});
