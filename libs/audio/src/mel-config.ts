/** Settings of the log-mel front end. DEFAULT_MEL_CONFIG is the project's canonical 80-dim front end. */
export type MelScale = 'htk' | 'slaney';

export interface MelConfig {
  sampleRate: number;
  nFft: number;
  winLength: number;
  hopLength: number;
  nMels: number;
  fMin: number;
  fMax: number;
  melScale: MelScale;
  /** 'slaney' divides each triangle by its width (constant area); null keeps peak height 1. */
  norm: 'slaney' | null;
  /** 2 = power spectrum |X|^2, 1 = magnitude |X|. */
  power: 1 | 2;
  /** Pad nFft/2 on each side by reflection so frame t is centred at t * hop. */
  center: boolean;
  /** Added before the log so silence stays finite. */
  logOffset: number;
}

export const DEFAULT_MEL_CONFIG: Readonly<MelConfig> = Object.freeze({
  sampleRate: 16000, // mel_reference.py SR: every corpus is resampled to 16 kHz first
  nFft: 512, // mel_reference.py MEL n_fft (32 ms at 16 kHz, 257 bins)
  winLength: 400, // mel_reference.py win_length: 25 ms Hann, zero-padded centred in the 512 frame
  hopLength: 160, // mel_reference.py hop_length: 10 ms, 100 frames/s (FOP paper's frame rate)
  nMels: 80, // mel_reference.py n_mels: the 80-dim log-mel FOP predicts
  fMin: 0, // mel_reference.py f_min
  fMax: 8000, // mel_reference.py f_max: Nyquist at 16 kHz
  melScale: 'htk', // mel_reference.py mel_scale='htk' (2595 * log10(1 + f/700))
  norm: null, // mel_reference.py norm=None
  power: 2, // mel_reference.py power=2.0
  center: true, // mel_reference.py center=True, pad_mode='reflect'
  logOffset: 1e-6, // mel_reference.py log(mel + 1e-6)
});

/** Merges overrides onto the defaults once and checks the combination. */
export function resolveMelConfig(overrides: Partial<MelConfig> = {}): MelConfig {
  const config = { ...DEFAULT_MEL_CONFIG, ...overrides };
  const { nFft, winLength, hopLength, nMels, fMin, fMax, sampleRate } = config;
  if (!Number.isInteger(nFft) || nFft < 2 || (nFft & (nFft - 1)) !== 0) throw new RangeError(`nFft must be a power of two, got ${nFft}`);
  if (!Number.isInteger(winLength) || winLength < 1 || winLength > nFft) throw new RangeError(`winLength must be in 1..nFft, got ${winLength}`);
  if (!Number.isInteger(hopLength) || hopLength < 1) throw new RangeError(`hopLength must be a positive integer, got ${hopLength}`);
  if (!Number.isInteger(nMels) || nMels < 1) throw new RangeError(`nMels must be a positive integer, got ${nMels}`);
  if (!(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2)) throw new RangeError(`need 0 <= fMin < fMax <= sampleRate/2, got ${fMin}..${fMax}`);
  if (!(config.logOffset >= 0)) throw new RangeError('logOffset must be >= 0');
  return config;
}
