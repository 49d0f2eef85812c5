/**
 * Plans one source-filter utterance: a random string of CV(C) syllables turned into segments,
 * each with formant targets, source levels and an F0 accent. Timing and accents carry the
 * emotion's rate and range; formants carry the speaker's vocal-tract length.
 */
import type { EmotionProsody } from './emotions';
import { CODA_NAMES, CONSONANTS, ONSET_NAMES, VOWELS, VOWEL_NAMES, type Consonant, type Formants } from './phonemes';
import { gaussian, pick, uniform, type Random } from './random';
import type { DemoSpeaker } from './speakers';

export interface Segment {
  seconds: number;
  /** F1–F4 targets, Hz, already scaled to the speaker. */
  formants: Formants;
  /** Glottal (voiced) source level, 0..1. */
  voicing: number;
  /** Noise through the vocal-tract cascade (aspiration: /h/, voiceless-stop release). */
  aspiration: number;
  /** Noise through its own band-pass (frication, bursts), and that band. */
  frication: number;
  noiseHz: number;
  noiseBandwidthHz: number;
  /** F0 offset in semitones while this segment sounds (pitch accents). */
  accentSemitones: number;
}

/** Neutral vowel lengths, seconds: stressed vowels ~50 % longer (Klatt 1976 duration rules). */
const VOWEL_SECONDS = { stressed: 0.15, unstressed: 0.095 } as const;
/** Share of syllables that carry a pitch accent; about one content word in two or three. */
const ACCENT_PROBABILITY = 0.4;
/** Speech-only duration aimed at, seconds; silence is added later, the file stays within 1-3 s. */
export const SPEECH_SECONDS = { min: 0.8, max: 2.2, hardMax: 2.35 } as const;

function scaled(formants: Formants, scale: number): Formants {
  return [formants[0] * scale, formants[1] * scale, formants[2] * scale, formants[3] * scale];
}

/** A consonant's segments; `next` is the vowel it releases into (aspiration takes its formants). */
function consonantSegments(c: Consonant, next: Formants, scale: number, stretch: number, accent: number): Segment[] {
  const locus = scaled(c.formants, scale);
  const silent = { voicing: 0, aspiration: 0, frication: 0, noiseHz: c.noiseHz * scale, noiseBandwidthHz: c.noiseBandwidthHz, accentSemitones: accent };
  const seconds = c.seconds * stretch;
  switch (c.kind) {
    case 'stop': {
      const burst = 0.012;
      const vot = c.voiced ? 0 : 0.035 * stretch; // voiceless English stops are aspirated
      return [
        // Closure: silence, or the low "voice bar" of a voiced stop.
        { ...silent, seconds: Math.max(0.02, seconds - burst - vot), formants: locus, voicing: c.voiced ? 0.12 : 0 },
        { ...silent, seconds: burst, formants: locus, frication: c.noiseLevel, voicing: c.voiced ? 0.2 : 0 },
        ...(vot > 0 ? [{ ...silent, seconds: vot, formants: next, aspiration: c.noiseLevel * 0.5 }] : []),
      ];
    }
    case 'fricative':
      if (c.noiseHz === 0) return [{ ...silent, seconds, formants: next, aspiration: c.noiseLevel }]; // /h/
      return [{ ...silent, seconds, formants: locus, frication: c.noiseLevel, voicing: c.voiced ? 0.35 : 0 }];
    case 'nasal':
      return [{ ...silent, seconds, formants: locus, voicing: 0.4 }];
    case 'approximant':
      return [{ ...silent, seconds, formants: locus, voicing: 0.7 }];
  }
}

function syllableSegments(random: Random, speaker: DemoSpeaker, emotion: EmotionProsody, stretch: number): Segment[] {
  const vowel = scaled(VOWELS[pick(random, VOWEL_NAMES)]!, speaker.formantScale);
  const accented = random() < ACCENT_PROBABILITY;
  // Accents rise by 50-100 % of the emotion's range; unaccented syllables wobble a little.
  const accent = accented ? emotion.pitchRangeSemitones * uniform(random, 0.5, 1) : emotion.pitchRangeSemitones * 0.15 * gaussian(random);
  const segments: Segment[] = [];
  if (random() < 0.85) segments.push(...consonantSegments(CONSONANTS[pick(random, ONSET_NAMES)]!, vowel, speaker.formantScale, stretch, accent));
  const vowelSeconds = (accented ? VOWEL_SECONDS.stressed : VOWEL_SECONDS.unstressed) * stretch * uniform(random, 0.85, 1.15);
  segments.push({ seconds: vowelSeconds, formants: vowel, voicing: 1, aspiration: 0, frication: 0, noiseHz: 0, noiseBandwidthHz: 0, accentSemitones: accent });
  if (random() < 0.3) segments.push(...consonantSegments(CONSONANTS[pick(random, CODA_NAMES)]!, vowel, speaker.formantScale, stretch, accent));
  return segments;
}

function totalSeconds(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + s.seconds, 0);
}

/**
 * Syllables until the drawn speech length is reached. Rate = emotion x speaker x a small
 * per-utterance variation, applied as a stretch of every segment (slower = longer segments).
 */
export function planUtterance(random: Random, speaker: DemoSpeaker, emotion: EmotionProsody): Segment[] {
  const rate = emotion.rateFactor * speaker.rateFactor * (1 + 0.04 * gaussian(random));
  const stretch = 1 / rate;
  const target = uniform(random, SPEECH_SECONDS.min, SPEECH_SECONDS.max);
  const syllables: Segment[][] = [];
  let seconds = 0;
  while (seconds < target || syllables.length < 2) {
    const syllable = syllableSegments(random, speaker, emotion, stretch);
    if (syllables.length >= 2 && seconds + totalSeconds(syllable) > SPEECH_SECONDS.hardMax) break;
    syllables.push(syllable);
    seconds += totalSeconds(syllable);
  }
  return syllables.flat();
}

export function planSeconds(segments: readonly Segment[]): number {
  return totalSeconds(segments);
}
