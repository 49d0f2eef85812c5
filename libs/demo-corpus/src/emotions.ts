/**
 * How each emotion changes the voice. The directions follow the acoustic profiles that studies of
 * acted emotional speech agree on:
 * - Banse & Scherer 1996, "Acoustic profiles in vocal emotion expression" (JPSP 70(3)): hot anger
 *   and elation raise mean F0, F0 variability and energy; sadness lowers all three and shifts
 *   energy towards low frequencies.
 * - Scherer 2003, "Vocal communication of emotion" (Speech Communication 40), table 3: anger =
 *   high F0 level, wide range, fast rate, high intensity, more high-frequency energy; joy = high F0,
 *   wide range, fast-ish rate, bright; sadness = low F0, narrow range, slow rate, low intensity,
 *   less high-frequency energy, falling contours.
 * - Juslin & Laukka 2003, meta-analysis of 104 studies (Psychol. Bull. 129(5)): the same cues and
 *   that rate and intensity separate anger from happiness better than F0 does.
 * - Gobl & Ní Chasaide 2003 (Speech Communication 40): tense (pressed) voice goes with anger,
 *   breathy/lax voice with sadness — modelled here by the glottal open quotient and aspiration.
 * The magnitudes are moderate stage values chosen so a classifier can learn them and a listener
 * hears them, not measurements of one corpus.
 */
export const DEMO_EMOTIONS = ['angry', 'happy', 'sad', 'neutral'] as const;
export type DemoEmotion = (typeof DEMO_EMOTIONS)[number];

export interface EmotionProsody {
  /** Folder name in the URDU-like layout. */
  folder: string;
  /** Mean F0 relative to the speaker's base F0, in semitones. */
  pitchShiftSemitones: number;
  /** Height of pitch accents, in semitones (the F0 range). */
  pitchRangeSemitones: number;
  /** Utterance-final F0 movement in semitones (negative: fall). */
  finalMovementSemitones: number;
  /** Speaking-rate multiplier on the speaker's own rate (1 = neutral). */
  rateFactor: number;
  /** Target RMS of the active speech, dBFS. */
  levelDb: number;
  /** Gain of a first-order high shelf above ~1 kHz, dB: the spectral balance (tilt). */
  highShelfDb: number;
  /** Glottal open quotient: low = pressed voice with strong harmonics, high = lax voice. */
  openQuotient: number;
  /** Extra source low-pass (0..1 one-pole coefficient): steeper glottal spectral slope. */
  sourceTilt: number;
  /** Aspiration noise relative to the voiced source. */
  breathiness: number;
  /** Multipliers on the speaker's own jitter and shimmer (arousal adds irregularity). */
  jitterScale: number;
  shimmerScale: number;
  /**
   * espeak-ng settings: pitch offset on -p (0-99 scale), -a amplitude, SSML pitch range, -g word gap
   * (10 ms units). -a follows the emotion's effort but stays <= 150, where espeak-ng does not clip;
   * the file's final level is set afterwards from levelDb either way.
   */
  espeak: { pitchOffset: number; amplitude: number; range: 'x-low' | 'low' | 'medium' | 'high' | 'x-high'; wordGap: number };
}

export const EMOTION_PROSODY: Record<DemoEmotion, EmotionProsody> = {
  // Hot anger: the highest arousal — +4 st level, 7 st accents, 20 % faster, 6 dB louder than
  // neutral, +6 dB above 1 kHz (flat tilt), pressed voice (OQ 0.45) with little aspiration.
  angry: {
    folder: 'Angry',
    pitchShiftSemitones: 4,
    pitchRangeSemitones: 7,
    finalMovementSemitones: -3,
    rateFactor: 1.2,
    levelDb: -16,
    highShelfDb: 6,
    openQuotient: 0.45,
    sourceTilt: 0.1,
    breathiness: 0.02,
    jitterScale: 1.4,
    shimmerScale: 1.3,
    espeak: { pitchOffset: 16, amplitude: 150, range: 'x-high', wordGap: 0 },
  },
  // Elation/joy: high level and the widest, most rising contours, a little faster than neutral,
  // ~3 dB louder, moderately bright; modal voice.
  happy: {
    folder: 'Happy',
    pitchShiftSemitones: 3.5,
    pitchRangeSemitones: 6,
    finalMovementSemitones: 1.5,
    rateFactor: 1.1,
    levelDb: -19,
    highShelfDb: 3,
    openQuotient: 0.55,
    sourceTilt: 0.25,
    breathiness: 0.03,
    jitterScale: 1.1,
    shimmerScale: 1.0,
    espeak: { pitchOffset: 14, amplitude: 125, range: 'x-high', wordGap: 0 },
  },
  // Sadness: low arousal — -2 st, nearly flat (1.5 st accents) and falling, 25 % slower with
  // pauses, ~6 dB quieter, -6 dB above 1 kHz (steep tilt), lax breathy voice.
  sad: {
    folder: 'Sad',
    pitchShiftSemitones: -2,
    pitchRangeSemitones: 1.5,
    finalMovementSemitones: -2.5,
    rateFactor: 0.75,
    levelDb: -28,
    highShelfDb: -6,
    openQuotient: 0.75,
    sourceTilt: 0.7,
    breathiness: 0.12,
    jitterScale: 1.0,
    shimmerScale: 1.2,
    espeak: { pitchOffset: -12, amplitude: 75, range: 'x-low', wordGap: 3 },
  },
  // Neutral: the speaker's own habits — the reference every other row is relative to.
  neutral: {
    folder: 'Neutral',
    pitchShiftSemitones: 0,
    pitchRangeSemitones: 3,
    finalMovementSemitones: -2,
    rateFactor: 1.0,
    levelDb: -22,
    highShelfDb: 0,
    openQuotient: 0.6,
    sourceTilt: 0.4,
    breathiness: 0.04,
    jitterScale: 1.0,
    shimmerScale: 1.0,
    espeak: { pitchOffset: 0, amplitude: 100, range: 'medium', wordGap: 0 },
  },
};

export function isDemoEmotion(name: string): name is DemoEmotion {
  return (DEMO_EMOTIONS as readonly string[]).includes(name);
}
