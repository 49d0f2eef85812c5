import { mixSeed, mulberry32, uniform } from './random';

export type DemoGender = 'male' | 'female';

export interface DemoSpeaker {
  /** `spk01`, `spk02`, … — also the first part of every file name. */
  id: string;
  gender: DemoGender;
  /** Habitual F0 of the neutral voice, Hz. */
  baseF0Hz: number;
  /** Multiplier on every formant frequency: a shorter vocal tract gives higher formants. */
  formantScale: number;
  /** Period-to-period F0 perturbation (relative standard deviation). */
  jitter: number;
  /** Period-to-period amplitude perturbation (relative standard deviation). */
  shimmer: number;
  /** Personal speaking-rate multiplier (1 = average). */
  rateFactor: number;
  /** Personal loudness offset, dB. */
  levelOffsetDb: number;
  /** espeak-ng voice with variant, e.g. `en-us+m3`. */
  espeakVoice: string;
  /** espeak-ng base pitch (-p, 0-99) before the emotion's offset. */
  espeakPitch: number;
}

/**
 * Speaker parameter ranges, each with its reason:
 * - base F0 ~120 Hz for men, ~210 Hz for women (Peterson & Barney 1952 report 132/223 Hz, Titze
 *   1994 ~115/200 Hz), spread ±12 % so speakers of one gender still differ audibly;
 * - formant scale 1.0 for men, 1.17 for women (female formants are 15-20 % higher, Peterson &
 *   Barney 1952; vocal tracts ~17 vs ~14.5 cm, Fitch & Giedd 1999), spread ±4 % (tract length);
 * - jitter 0.4-1.2 % and shimmer 2-5 %: the range of healthy voices (Brockmann et al. 2008 report
 *   jitter < 1 %, shimmer 2-4 % in sustained vowels; running speech is a little rougher);
 * - rate ±10 % and level ±2 dB: habitual differences larger than a within-speaker repetition.
 */
const GENDER_BASE = {
  male: { f0: 120, formantScale: 1.0, espeakPitch: 42 },
  female: { f0: 210, formantScale: 1.17, espeakPitch: 58 },
} as const;

// espeak-ng ships these variants (`espeak-ng --voices=variant`); each has its own timbre.
const ESPEAK_VARIANTS = { male: ['m3', 'm1', 'm4', 'm7', 'm2', 'm6', 'm5', 'm8'], female: ['f2', 'f1', 'f3', 'f4', 'f5'] } as const;
// Two accents alternate so the text side is not one voice either.
const ESPEAK_LANGUAGES = ['en-us', 'en-gb'] as const;

function describeSpeaker(index: number): DemoSpeaker {
  // Speakers are fixed identities: derived from their index alone, never from the corpus seed.
  const random = mulberry32(mixSeed(0x5e7, index));
  const gender: DemoGender = index % 2 === 0 ? 'male' : 'female';
  const base = GENDER_BASE[gender];
  const withinGender = Math.floor(index / 2);
  const f0Spread = uniform(random, -0.12, 0.12);
  const variants = ESPEAK_VARIANTS[gender];
  const language = ESPEAK_LANGUAGES[withinGender % ESPEAK_LANGUAGES.length]!;
  return {
    id: `spk${String(index + 1).padStart(2, '0')}`,
    gender,
    baseF0Hz: base.f0 * (1 + f0Spread),
    formantScale: base.formantScale * (1 + uniform(random, -0.04, 0.04)),
    jitter: uniform(random, 0.004, 0.012),
    shimmer: uniform(random, 0.02, 0.05),
    rateFactor: 1 + uniform(random, -0.1, 0.1),
    levelOffsetDb: uniform(random, -2, 2),
    espeakVoice: `${language}+${variants[withinGender % variants.length]!}`,
    // ±12 % F0 is about ±2 semitones; espeak's -p moves roughly 1 semitone per 4 steps.
    espeakPitch: Math.round(base.espeakPitch + 4 * 12 * Math.log2(1 + f0Spread)),
  };
}

/** The first `n` demo speakers, alternating male and female (spk01 male, spk02 female, …). */
export function demoSpeakers(n: number): DemoSpeaker[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`demoSpeakers needs a positive integer, got ${n}`);
  return Array.from({ length: n }, (_, i) => describeSpeaker(i));
}
