import { resolveMelConfig, type MelConfig } from './mel-config';
import { createMelFilterbank, toBinPairs } from './mel-filterbank';
import { RealFft } from './real-fft';
import { hannWindow, reflectPad } from './window';

/** Row-major [frames, nMels] features. */
export interface LogMelFeatures {
  data: Float32Array;
  frames: number;
  nMels: number;
}

export interface LogMelFrontEnd {
  readonly config: Readonly<MelConfig>;
  /** Frames an input of `length` samples yields: 1 + floor(length / hop) when centred. */
  frameCount(length: number): number;
  compute(samples: Float32Array): LogMelFeatures;
}

/**
 * torchaudio.transforms.MelSpectrogram followed by log(x + offset). The window (zero-padded to
 * nFft and centred, as torch.stft does), the FFT tables and the filterbank are built once per front
 * end; each frame is then one windowed FFT straight from the padded signal (RealFft, which beat
 * fft.js here), one pass over the bins into the mel accumulators, and nMels logs.
 */
export function createLogMel(overrides: Partial<MelConfig> = {}): LogMelFrontEnd {
  const config = Object.freeze(resolveMelConfig(overrides));
  const { nFft, winLength, hopLength, nMels, center, logOffset, power: exponent } = config;
  const nBins = nFft / 2 + 1;
  const window = new Float64Array(nFft);
  window.set(hannWindow(winLength), Math.floor((nFft - winLength) / 2));
  const bank = toBinPairs(createMelFilterbank({ ...config, nBins }));
  const fft = new RealFft(nFft);
  const power = new Float64Array(nBins);
  const mel = new Float64Array(nMels + 2); // slot 0 and nMels + 1 catch bins outside every filter

  const frameCount = (length: number) =>
    center ? 1 + Math.floor(length / hopLength) : length < nFft ? 0 : 1 + Math.floor((length - nFft) / hopLength);

  function compute(samples: Float32Array): LogMelFeatures {
    if (samples.length === 0) throw new RangeError('log-mel of an empty signal');
    const frames = frameCount(samples.length);
    const signal = center ? reflectPad(samples, nFft / 2) : samples;
    const data = new Float32Array(frames * nMels);
    const { slot, lowerWeight, upperWeight } = bank;
    for (let t = 0; t < frames; t++) {
      fft.windowedSpectrum(signal, t * hopLength, window, power, exponent);
      mel.fill(0);
      for (let k = 0; k < nBins; k++) {
        const p = power[k]!;
        const s = slot[k]!;
        mel[s]! += lowerWeight[k]! * p;
        mel[s + 1]! += upperWeight[k]! * p;
      }
      const row = t * nMels;
      for (let m = 0; m < nMels; m++) data[row + m] = Math.log(mel[m + 1]! + logOffset);
    }
    return { data, frames, nMels };
  }

  return { config, frameCount, compute };
}

let defaultFrontEnd: LogMelFrontEnd | undefined;

/** The canonical 80-dim log-mel of 16 kHz mono samples (DEFAULT_MEL_CONFIG), [frames, 80]. */
export function logMel(samples: Float32Array): LogMelFeatures {
  defaultFrontEnd ??= createLogMel();
  return defaultFrontEnd.compute(samples);
}
