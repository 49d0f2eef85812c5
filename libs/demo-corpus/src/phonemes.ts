/**
 * The phone inventory of the source-filter voice: enough classes for speech-like syllables
 * (vowels, stops, fricatives, nasals, approximants), not a full phonology.
 *
 * Vowel formants are the adult male averages of Hillenbrand et al. 1995 (J. Acoust. Soc. Am. 97(5),
 * table V; F4 ~3.5 kHz from Peterson & Barney 1952); a speaker's `formantScale` shifts them all.
 * Consonant formant loci and frication centres follow the textbook values in Stevens 1998
 * ("Acoustic Phonetics") and Kent & Read 2002 ("Acoustic Analysis of Speech").
 */
export type Formants = readonly [number, number, number, number];

/** Bandwidths of F1–F4 in Hz for a modal vowel (Klatt 1980 defaults, a little wider for F1). */
export const VOWEL_BANDWIDTHS: Formants = [80, 100, 140, 200];

export const VOWELS: Readonly<Record<string, Formants>> = {
  i: [342, 2322, 3000, 3650],
  ɪ: [427, 2034, 2684, 3600],
  e: [476, 2089, 2691, 3600],
  ɛ: [580, 1799, 2605, 3550],
  æ: [588, 1952, 2601, 3550],
  ɑ: [768, 1333, 2522, 3500],
  ɔ: [652, 997, 2538, 3450],
  o: [497, 910, 2459, 3400],
  u: [378, 997, 2343, 3400],
  ʌ: [623, 1200, 2550, 3500],
  ɝ: [474, 1379, 1710, 3300],
};

export type ConsonantKind = 'stop' | 'fricative' | 'nasal' | 'approximant';

export interface Consonant {
  kind: ConsonantKind;
  voiced: boolean;
  /** Formant targets during the consonant (the locus the neighbouring vowel bends towards). */
  formants: Formants;
  /** Noise spectrum of the burst or frication: centre and bandwidth, Hz (0 = none). */
  noiseHz: number;
  noiseBandwidthHz: number;
  /** Noise level relative to a vowel's voicing. */
  noiseLevel: number;
  /** Typical duration at neutral rate, seconds (closure + burst for stops). */
  seconds: number;
}

// Loci: labials low F2 (~800-1000 Hz), alveolars ~1800 Hz, velars high F2 meeting F3 (Stevens 1998).
const LABIAL: Formants = [250, 900, 2300, 3400];
const ALVEOLAR: Formants = [280, 1750, 2650, 3500];
const VELAR: Formants = [280, 2000, 2300, 3400];

export const CONSONANTS: Readonly<Record<string, Consonant>> = {
  p: { kind: 'stop', voiced: false, formants: LABIAL, noiseHz: 900, noiseBandwidthHz: 1200, noiseLevel: 0.35, seconds: 0.09 },
  t: { kind: 'stop', voiced: false, formants: ALVEOLAR, noiseHz: 4200, noiseBandwidthHz: 2000, noiseLevel: 0.5, seconds: 0.09 },
  k: { kind: 'stop', voiced: false, formants: VELAR, noiseHz: 2200, noiseBandwidthHz: 900, noiseLevel: 0.45, seconds: 0.095 },
  b: { kind: 'stop', voiced: true, formants: LABIAL, noiseHz: 900, noiseBandwidthHz: 1200, noiseLevel: 0.2, seconds: 0.07 },
  d: { kind: 'stop', voiced: true, formants: ALVEOLAR, noiseHz: 4000, noiseBandwidthHz: 2000, noiseLevel: 0.25, seconds: 0.07 },
  g: { kind: 'stop', voiced: true, formants: VELAR, noiseHz: 2200, noiseBandwidthHz: 900, noiseLevel: 0.25, seconds: 0.075 },
  s: { kind: 'fricative', voiced: false, formants: ALVEOLAR, noiseHz: 5500, noiseBandwidthHz: 1800, noiseLevel: 0.35, seconds: 0.11 },
  ʃ: { kind: 'fricative', voiced: false, formants: [280, 1900, 2500, 3400], noiseHz: 2900, noiseBandwidthHz: 1200, noiseLevel: 0.35, seconds: 0.11 },
  f: { kind: 'fricative', voiced: false, formants: LABIAL, noiseHz: 5000, noiseBandwidthHz: 4000, noiseLevel: 0.12, seconds: 0.1 },
  h: { kind: 'fricative', voiced: false, formants: [500, 1500, 2500, 3500], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0.3, seconds: 0.07 },
  z: { kind: 'fricative', voiced: true, formants: ALVEOLAR, noiseHz: 5200, noiseBandwidthHz: 1800, noiseLevel: 0.2, seconds: 0.09 },
  v: { kind: 'fricative', voiced: true, formants: LABIAL, noiseHz: 4500, noiseBandwidthHz: 4000, noiseLevel: 0.08, seconds: 0.08 },
  m: { kind: 'nasal', voiced: true, formants: [250, 1100, 2200, 3300], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0, seconds: 0.075 },
  n: { kind: 'nasal', voiced: true, formants: [250, 1600, 2600, 3400], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0, seconds: 0.07 },
  l: { kind: 'approximant', voiced: true, formants: [360, 1050, 2700, 3400], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0, seconds: 0.07 },
  r: { kind: 'approximant', voiced: true, formants: [350, 1150, 1550, 3200], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0, seconds: 0.07 },
  w: { kind: 'approximant', voiced: true, formants: [300, 700, 2200, 3300], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0, seconds: 0.065 },
  j: { kind: 'approximant', voiced: true, formants: [280, 2200, 2950, 3600], noiseHz: 0, noiseBandwidthHz: 0, noiseLevel: 0, seconds: 0.065 },
};

export const VOWEL_NAMES = Object.keys(VOWELS);
export const ONSET_NAMES = Object.keys(CONSONANTS);
// Codas favour sonorants and /s t n/, as in English syllable statistics.
export const CODA_NAMES = ['n', 'm', 's', 't', 'l', 'r', 'k', 'z'];
