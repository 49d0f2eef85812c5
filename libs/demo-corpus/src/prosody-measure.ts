/**
 * Rough prosody measurements of a mono signal: mean F0 by frame-wise autocorrelation, and the
 * speech level. Enough to check that the corpus carries its emotions (tests, sanity reports);
 * not a pitch tracker for research.
 */
import { activeRms } from './finishing';

export interface ProsodyMeasures {
  /** Mean F0 of the voiced frames, Hz (NaN when none is voiced). */
  meanF0Hz: number;
  /** Share of the speech frames judged voiced. */
  voicedFraction: number;
  /** RMS of the speech frames, dBFS. */
  levelDb: number;
  durationSeconds: number;
}

const FRAME_SECONDS = 0.04;
const HOP_SECONDS = 0.01;
const F0_RANGE_HZ = { min: 60, max: 500 } as const;
/** Normalised autocorrelation a frame needs to count as voiced. */
const VOICING_THRESHOLD = 0.5;
/** Frames this far below the loudest are silence and skipped. */
const SPEECH_RANGE_DB = 30;

/** Normalised autocorrelation at `lag` over frame [start, start+size). */
function correlation(x: Float32Array, start: number, size: number, lag: number): number {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = start; i < start + size - lag; i++) {
    const a = x[i]!;
    const b = x[i + lag]!;
    xy += a * b;
    xx += a * a;
    yy += b * b;
  }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}

function frameEnergy(x: Float32Array, start: number, size: number): number {
  let sum = 0;
  for (let i = start; i < start + size; i++) sum += x[i]! * x[i]!;
  return sum / size;
}

export function measureProsody(samples: Float32Array, sampleRate: number): ProsodyMeasures {
  const size = Math.round(FRAME_SECONDS * sampleRate);
  const hop = Math.round(HOP_SECONDS * sampleRate);
  const minLag = Math.floor(sampleRate / F0_RANGE_HZ.max);
  const maxLag = Math.min(size - 1, Math.ceil(sampleRate / F0_RANGE_HZ.min));
  const starts: number[] = [];
  for (let start = 0; start + size <= samples.length; start += hop) starts.push(start);
  const energies = starts.map((start) => frameEnergy(samples, start, size));
  const loudest = Math.max(0, ...energies);
  const floor = loudest * 10 ** (-SPEECH_RANGE_DB / 10);

  const f0s: number[] = [];
  let speechFrames = 0;
  starts.forEach((start, i) => {
    if (energies[i]! <= floor || loudest === 0) return;
    speechFrames++;
    const r = new Float32Array(maxLag + 1);
    let best = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      r[lag] = correlation(samples, start, size, lag);
      best = Math.max(best, r[lag]!);
    }
    if (best < VOICING_THRESHOLD) return;
    // The first local peak near the best one: avoids reporting a period multiple (octave error).
    for (let lag = minLag + 1; lag < maxLag; lag++) {
      if (r[lag]! >= 0.9 * best && r[lag]! >= r[lag - 1]! && r[lag]! >= r[lag + 1]!) {
        f0s.push(sampleRate / lag);
        return;
      }
    }
  });
  const level = activeRms(samples, sampleRate);
  return {
    meanF0Hz: f0s.length > 0 ? f0s.reduce((a, b) => a + b, 0) / f0s.length : Number.NaN,
    voicedFraction: speechFrames > 0 ? f0s.length / speechFrames : 0,
    levelDb: level > 0 ? 20 * Math.log10(level) : -Infinity,
    durationSeconds: samples.length / sampleRate,
  };
}
