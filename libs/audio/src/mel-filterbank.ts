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

/**
 * The same filterbank seen from the bins: triangles from consecutive edges overlap pairwise, so
 * every bin feeds at most filters lower[k] and lower[k] + 1. Applying it is one pass over the bins
 * with two multiply-adds each, into an accumulator shifted by one so that "no filter" (lower = -1,
 * or the slot after the last filter) lands in an unused slot with weight 0.
 */
export interface BinPairFilterbank {
  nMels: number;
  nBins: number;
  /** Accumulator slot (filter index + 1) that bin k's lower weight goes to; slot + 1 gets the upper. */
  slot: Int32Array;
  lowerWeight: Float64Array;
  upperWeight: Float64Array;
}

export function toBinPairs(bank: SparseFilterbank): BinPairFilterbank {
  const { nMels, nBins } = bank;
  const filters: number[][] = Array.from({ length: nBins }, () => []);
  const weights: number[][] = Array.from({ length: nBins }, () => []);
  for (let m = 0; m < nMels; m++) {
    for (let i = 0; i < bank.count[m]!; i++) {
      filters[bank.first[m]! + i]!.push(m);
      weights[bank.first[m]! + i]!.push(bank.taps[bank.at[m]! + i]!);
    }
  }
  const slot = new Int32Array(nBins);
  const lowerWeight = new Float64Array(nBins);
  const upperWeight = new Float64Array(nBins);
  for (let k = 0; k < nBins; k++) {
    const [m0, m1] = filters[k]!;
    if (filters[k]!.length > 2 || (m1 !== undefined && m1 !== m0! + 1)) {
      throw new Error(`bin ${k} lies in filters ${filters[k]!.join(', ')}: not a triangular filterbank`);
    }
    slot[k] = m0 === undefined ? 0 : m0 + 1;
    lowerWeight[k] = weights[k]![0] ?? 0;
    upperWeight[k] = weights[k]![1] ?? 0;
  }
  return { nMels, nBins, slot, lowerWeight, upperWeight };
}
