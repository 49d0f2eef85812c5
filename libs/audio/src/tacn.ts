import { createPowerSpectrum } from './spectrum';
import { hannWindow } from './window';

/**
 * The TACN front end: log-magnitude spectrogram segments of 265 ms as 32 frames x 129 bins.
 *
 * 129 bins means a 256-point FFT. At 16 kHz a 265 ms segment is 4240 samples; 16 ms windows
 * (256 samples) every 8 ms (128 samples), without centre padding, fit 1 + floor((4240 - 256) / 128)
 * = 32 frames into it (the last window ends at sample 4224, the final 1 ms is unused).
 */
export interface TacnConfig {
  sampleRate: number;
  segmentSamples: number;
  segmentHopSamples: number;
  nFft: number;
  winLength: number;
  hopLength: number;
  logOffset: number;
}

export const DEFAULT_TACN_CONFIG: Readonly<TacnConfig> = Object.freeze({
  sampleRate: 16000, // the whole platform works at 16 kHz
  segmentSamples: 4240, // 265 ms segments (TACN paper's input unit)
  segmentHopSamples: 2120, // half a segment (132.5 ms): project choice, override per experiment
  nFft: 256, // 129 bins per frame (TACN paper's 32x129 input)
  winLength: 256, // 16 ms Hann window: with the 8 ms hop gives exactly 32 frames per segment
  hopLength: 128, // 8 ms
  logOffset: 1e-6, // log(|X| + 1e-6), the same floor as the log-mel front end
});

export interface TacnSegments {
  /** Row-major [segments, frames, bins]. */
  data: Float32Array;
  segments: number;
  frames: number;
  bins: number;
}

export interface TacnFrontEnd {
  readonly config: Readonly<TacnConfig>;
  readonly frames: number;
  readonly bins: number;
  /** Segments for `length` samples: one at least (zero-padded), then one per full hop. */
  segmentCount(length: number): number;
  compute(samples: Float32Array): TacnSegments;
}

export function createTacnFrontEnd(overrides: Partial<TacnConfig> = {}): TacnFrontEnd {
  const config = Object.freeze({ ...DEFAULT_TACN_CONFIG, ...overrides });
  const { segmentSamples, segmentHopSamples, nFft, winLength, hopLength, logOffset } = config;
  if (winLength > nFft || winLength > segmentSamples) throw new RangeError('winLength must fit in nFft and in a segment');
  if (!(segmentHopSamples >= 1 && hopLength >= 1)) throw new RangeError('hops must be >= 1 sample');
  const frames = 1 + Math.floor((segmentSamples - winLength) / hopLength);
  const bins = nFft / 2 + 1;
  const window = hannWindow(winLength);
  const winOffset = Math.floor((nFft - winLength) / 2);
  const spectrum = createPowerSpectrum(nFft, 1);
  const frame = new Float64Array(nFft);
  const magnitude = new Float64Array(bins);
  const segmentCount = (length: number) => Math.max(1, 1 + Math.floor((length - segmentSamples) / segmentHopSamples));

  function compute(samples: Float32Array): TacnSegments {
    const segments = segmentCount(samples.length);
    const data = new Float32Array(segments * frames * bins);
    for (let s = 0; s < segments; s++) {
      for (let f = 0; f < frames; f++) {
        const start = s * segmentHopSamples + f * hopLength;
        for (let i = 0; i < winLength; i++) frame[winOffset + i] = (samples[start + i] ?? 0) * window[i]!; // zero past the end
        spectrum(frame, magnitude);
        const row = (s * frames + f) * bins;
        for (let k = 0; k < bins; k++) data[row + k] = Math.log(magnitude[k]! + logOffset);
      }
    }
    return { data, segments, frames, bins };
  }

  return { config, frames, bins, segmentCount, compute };
}
