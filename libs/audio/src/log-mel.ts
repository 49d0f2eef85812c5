import { resolveMelConfig, type MelConfig } from './mel-config';
import { createFrameKernel, MAX_KERNEL_NFFT, MIN_KERNEL_LOG_OFFSET, type FrameKernel } from './frame-kernel';
import { createMelFilterbank } from './mel-filterbank';
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
 * Which implementation runs the frames: 'auto' = the WebAssembly kernel when it takes the settings
 * (nFft <= 1024 and logOffset >= 2^-1022, so log(0) stays -Infinity), JavaScript otherwise.
 */
export type LogMelEngine = 'auto' | 'wasm' | 'javascript';

/** Frames per kernel block: bounds the WebAssembly memory (~2.6 MB at the defaults) whatever the clip length. */
const BLOCK_FRAMES = 2048;

/**
 * torchaudio.transforms.MelSpectrogram followed by log(x + offset). The window (zero-padded to
 * nFft and centred, as torch.stft does), the FFT tables and the filterbank are built once per front
 * end. Each frame is then a windowed real FFT, power, the sparse filters (each a run of bins) and
 * nMels logs: by default in a generated WebAssembly kernel (frame-kernel.ts: ~9x fewer instructions,
 * ~5x faster on the URDU clips), or
 * in JavaScript (RealFft straight from the padded signal) for nFft above MAX_KERNEL_NFFT.
 */
export function createLogMel(overrides: Partial<MelConfig> = {}, engine: LogMelEngine = 'auto'): LogMelFrontEnd {
  const config = Object.freeze(resolveMelConfig(overrides));
  const { nFft, winLength, hopLength, nMels, center, logOffset, power: exponent } = config;
  const nBins = nFft / 2 + 1;
  const window = new Float64Array(nFft);
  window.set(hannWindow(winLength), Math.floor((nFft - winLength) / 2));
  const bank = createMelFilterbank({ ...config, nBins });
  const kernelFits = nFft <= MAX_KERNEL_NFFT && logOffset >= MIN_KERNEL_LOG_OFFSET;
  if (engine === 'wasm' && !kernelFits) {
    throw new RangeError(`the WebAssembly kernel takes nFft <= ${MAX_KERNEL_NFFT} and logOffset >= 2^-1022, got ${nFft} and ${logOffset}`);
  }
  const kernel = engine !== 'javascript' && kernelFits ? createFrameKernel({ nFft, hopLength, window, bank, power: exponent, logOffset }) : undefined;
  const fft = kernel ? undefined : new RealFft(nFft);
  const power = new Float64Array(nBins);
  // The padded signal is rebuilt per call in one reused buffer: fresh buffers per clip cost page
  // faults; signals too long for it (> 2^22 samples, ~4 min) get their own.
  let padScratch = new Float32Array(0);
  const padded = (samples: Float32Array): Float32Array => {
    const length = samples.length + nFft;
    if (length > 1 << 22) return reflectPad(samples, nFft / 2);
    if (padScratch.length < length) padScratch = new Float32Array(Math.max(length, 2 * padScratch.length));
    return reflectPad(samples, nFft / 2, padScratch);
  };

  const frameCount = (length: number) => (center ? 1 + Math.floor(length / hopLength) : length < nFft ? 0 : 1 + Math.floor((length - nFft) / hopLength));

  /**
   * Frames [from, to) through the kernel, two per call: their samples are copied into its memory
   * (plus a zeroed hop for the unused partner of an odd last frame), their features out of it.
   */
  function kernelBlock(k: FrameKernel, signal: Float32Array, from: number, to: number, data: Float32Array): void {
    const [hop, mels, base] = [hopLength, nMels, k.signalBase];
    const samples = signal.subarray(from * hop, (to - 1) * hop + nFft);
    const length = samples.length + hop;
    const outBase = base + 4 * length;
    const values = (to - from) * mels;
    k.reserve(outBase + 4 * (values + mels));
    const memory = k.memory();
    const input = new Float32Array(memory, base, length);
    input.set(samples);
    input.fill(0, samples.length);
    const framePair = k.framePair;
    for (let t = 0; t < to - from; t += 2) framePair(base + 4 * t * hop, outBase + 4 * t * mels);
    data.set(new Float32Array(memory, outBase, values), from * mels);
  }

  function compute(samples: Float32Array): LogMelFeatures {
    if (samples.length === 0) throw new RangeError('log-mel of an empty signal');
    const frames = frameCount(samples.length);
    const signal = center ? padded(samples) : samples;
    const data = new Float32Array(frames * nMels);
    if (kernel) {
      for (let from = 0; from < frames; from += BLOCK_FRAMES) kernelBlock(kernel, signal, from, Math.min(frames, from + BLOCK_FRAMES), data);
    } else {
      javascriptFrames(signal, frames, data);
    }
    return { data, frames, nMels };
  }

  function javascriptFrames(signal: Float32Array, frames: number, data: Float32Array): void {
    // Everything the loops touch as locals: V8 reloads (and TDZ-checks) captured variables on
    // every iteration (measured: 4% of the front end's instructions).
    const [spectrum, win, pow, hop, mels, offset, exp] = [fft!, window, power, hopLength, nMels, logOffset, exponent];
    const { first, count, at, taps } = bank;
    for (let t = 0; t < frames; t++) {
      spectrum.windowedSpectrum(signal, t * hop, win, pow, exp);
      const row = t * mels;
      for (let m = 0; m < mels; m++) {
        let acc = 0;
        for (let k = first[m]!, h = at[m]!, end = h + count[m]!; h < end; h++, k++) acc += taps[h]! * pow[k]!;
        data[row + m] = Math.log(acc + offset);
      }
    }
  }

  return { config, frameCount, compute };
}

let defaultFrontEnd: LogMelFrontEnd | undefined;

/** The canonical 80-dim log-mel of 16 kHz mono samples (DEFAULT_MEL_CONFIG), [frames, 80]. */
export function logMel(samples: Float32Array): LogMelFeatures {
  defaultFrontEnd ??= createLogMel();
  return defaultFrontEnd.compute(samples);
}
