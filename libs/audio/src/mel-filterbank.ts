import type { MelScale } from './mel-config';

// Slaney's Auditory Toolbox scale: linear below 1 kHz, logarithmic above (torchaudio/librosa constants).
const SLANEY_F_SP = 200 / 3;
const SLANEY_MIN_LOG_HZ = 1000;
const SLANEY_MIN_LOG_MEL = SLANEY_MIN_LOG_HZ / SLANEY_F_SP;
const SLANEY_LOGSTEP = Math.log(6.4) / 27;

export function hzToMel(hz: number, scale: MelScale): number {
  if (scale === 'htk') return 2595 * Math.log10(1 + hz / 700);
  if (hz < SLANEY_MIN_LOG_HZ) return hz / SLANEY_F_SP;
  return SLANEY_MIN_LOG_MEL + Math.log(hz / SLANEY_MIN_LOG_HZ) / SLANEY_LOGSTEP;
}

export function melToHz(mel: number, scale: MelScale): number {
  if (scale === 'htk') return 700 * (10 ** (mel / 2595) - 1);
  if (mel < SLANEY_MIN_LOG_MEL) return mel * SLANEY_F_SP;
  return SLANEY_MIN_LOG_HZ * Math.exp(SLANEY_LOGSTEP * (mel - SLANEY_MIN_LOG_MEL));
}

/**
 * Triangular filters stored sparsely: filter m covers FFT bins first[m] .. first[m] + count[m] - 1
 * with weights taps[at[m] ..]. About two weights per bin instead of nMels per bin.
 */
export interface SparseFilterbank {
  nMels: number;
  nBins: number;
  first: Int32Array;
  count: Int32Array;
  at: Int32Array;
  taps: Float64Array;
}

export interface FilterbankSpec {
  nBins: number;
  sampleRate: number;
  fMin: number;
  fMax: number;
  nMels: number;
  melScale: MelScale;
  norm: 'slaney' | null;
}

/** torchaudio.functional.melscale_fbanks, built the same way (librosa's slopes), kept sparse. */
export function createMelFilterbank(spec: FilterbankSpec): SparseFilterbank {
  const { nBins, sampleRate, fMin, fMax, nMels, melScale, norm } = spec;
  const nyquist = Math.floor(sampleRate / 2); // torchaudio: linspace(0, sample_rate // 2, n_freqs)
  const binHz = (k: number) => (nBins === 1 ? 0 : (nyquist * k) / (nBins - 1));
  const melMin = hzToMel(fMin, melScale);
  const melMax = hzToMel(fMax, melScale);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => melToHz(melMin + ((melMax - melMin) * i) / (nMels + 1), melScale));

  const first = new Int32Array(nMels);
  const count = new Int32Array(nMels);
  const at = new Int32Array(nMels);
  const taps: number[] = [];
  for (let m = 0; m < nMels; m++) {
    const [left, centre, right] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    const enorm = norm === 'slaney' ? 2 / (right - left) : 1;
    first[m] = -1;
    at[m] = taps.length;
    for (let k = 0; k < nBins; k++) {
      const f = binHz(k);
      const weight = Math.max(0, Math.min((f - left) / (centre - left), (right - f) / (right - centre)));
      if (weight <= 0) continue;
      if (first[m] === -1) first[m] = k;
      taps.push(weight * enorm);
    }
    count[m] = taps.length - at[m]!;
    if (first[m] === -1) first[m] = 0; // an empty filter (too many mels for nFft) yields log(offset)
  }
  return { nMels, nBins, first, count, at, taps: Float64Array.from(taps) };
}
