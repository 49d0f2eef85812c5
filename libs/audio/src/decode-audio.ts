import { readFile } from 'node:fs/promises';
import { AudioDecodeError, withSource } from './errors';
import { decodeWithFfmpeg, type FfmpegOptions } from './ffmpeg';
import { DEFAULT_MEL_CONFIG } from './mel-config';
import { resample, type ResampleOptions } from './resample';
import { detectContainer, type AudioContainer } from './sniff';
import { checkFiniteSamples, decodeWav, type DecodedWav } from './wav-decode';

/** The shortest clip decodeAudio passes on by default: one analysis window of the log-mel front end (400 samples at 16 kHz, 25 ms). */
export const MIN_CLIP_MS = (1000 * DEFAULT_MEL_CONFIG.winLength) / DEFAULT_MEL_CONFIG.sampleRate;

/** Throws 'too-short' when `frames` samples at `sampleRate` last less than `minMs`, naming both durations. */
export function checkClipDuration(frames: number, sampleRate: number, minMs: number = MIN_CLIP_MS): void {
  if (frames * 1000 >= minMs * sampleRate) return;
  const ms = (1000 * frames) / sampleRate;
  throw new AudioDecodeError(
    'too-short',
    `clip is ${ms.toFixed(1)} ms long; at least ${minMs} ms (one analysis window) is needed for a prediction or features`,
  );
}

export interface DecodeAudioOptions extends FfmpegOptions {
  /** Output rate in Hz; default 16000 (the front end's rate); null keeps the file's own rate. */
  targetRate?: number | null;
  /** Resampler settings; defaults match mel_reference.py. */
  resample?: ResampleOptions;
  /** Shorter clips fail with 'too-short'; default MIN_CLIP_MS (one front-end window), 0 takes any. */
  minDurationMs?: number;
}

export interface DecodedAudio {
  /** Mono samples in [-1, 1]. */
  samples: Float32Array;
  sampleRate: number;
  /** What the bytes were: container (from magic bytes), rate and channels before mixing/resampling. */
  source: { container: AudioContainer; sampleRate: number; channels: number; truncated: boolean };
}

function describeStart(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

async function decodeContainer(bytes: Uint8Array, container: AudioContainer, options: FfmpegOptions): Promise<DecodedWav> {
  if (container === 'unknown') {
    throw new AudioDecodeError('not-audio', `not a recognised audio format (first bytes ${describeStart(bytes)}); formats are detected by content, not name`);
  }
  if (container !== 'wav') return decodeWithFfmpeg(bytes, container, options);
  try {
    return decodeWav(bytes);
  } catch (error) {
    // Compressed WAV payloads (ADPCM, GSM, MP3-in-WAV) are still audio ffmpeg can read.
    if (!(error instanceof AudioDecodeError) || error.reason !== 'unsupported') throw error;
    return decodeWithFfmpeg(bytes, container, options).catch((ffmpegError: unknown) => {
      if (!(ffmpegError instanceof AudioDecodeError) || ffmpegError.reason !== 'tool-missing') throw ffmpegError;
      throw new AudioDecodeError('unsupported', `${error.message}; ffmpeg, which could decode it, is not installed`, { cause: error });
    });
  }
}

/**
 * Decodes audio bytes of any common container to mono float32 at `targetRate` (16 kHz unless
 * told otherwise): WAV in-process, everything else through ffmpeg. Throws AudioDecodeError: among
 * others 'non-finite' (NaN or infinite samples) and 'too-short' (under `minDurationMs`).
 * The work is bounded by the bytes present (and the rate limits of WAV_LIMITS), not by the header.
 */
export async function decodeAudio(bytes: Uint8Array, options: DecodeAudioOptions = {}): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new AudioDecodeError('empty', 'no bytes');
  const container = detectContainer(bytes);
  const decoded = await decodeContainer(bytes, container, options);
  checkClipDuration(decoded.samples.length, decoded.sampleRate, options.minDurationMs);
  const targetRate = options.targetRate === undefined ? 16000 : options.targetRate;
  const sampleRate = targetRate ?? decoded.sampleRate;
  const samples = resample(decoded.samples, decoded.sampleRate, sampleRate, options.resample);
  checkFiniteSamples(samples, sampleRate); // finite samples near ±3.4e38 can overflow float32 once filtered
  return {
    samples,
    sampleRate,
    source: { container, sampleRate: decoded.sampleRate, channels: decoded.channels, truncated: decoded.truncated },
  };
}

/** decodeAudio on a file's bytes; errors name the file. */
export async function decodeAudioFile(path: string, options: DecodeAudioOptions = {}): Promise<DecodedAudio> {
  const bytes = await readFile(path);
  try {
    return await decodeAudio(bytes, options);
  } catch (error) {
    throw withSource(error, path);
  }
}
