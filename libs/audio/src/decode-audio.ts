import { readFile } from 'node:fs/promises';
import { AudioDecodeError, withSource } from './errors';
import { decodeWithFfmpeg, type FfmpegOptions } from './ffmpeg';
import { resample, type ResampleOptions } from './resample';
import { detectContainer, type AudioContainer } from './sniff';
import { decodeWav, type DecodedWav } from './wav-decode';

export interface DecodeAudioOptions extends FfmpegOptions {
  /** Output rate in Hz; default 16000 (the front end's rate); null keeps the file's own rate. */
  targetRate?: number | null;
  /** Resampler settings; defaults match mel_reference.py. */
  resample?: ResampleOptions;
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
 * told otherwise): WAV in-process, everything else through ffmpeg. Throws AudioDecodeError.
 */
export async function decodeAudio(bytes: Uint8Array, options: DecodeAudioOptions = {}): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new AudioDecodeError('empty', 'no bytes');
  const container = detectContainer(bytes);
  const decoded = await decodeContainer(bytes, container, options);
  const targetRate = options.targetRate === undefined ? 16000 : options.targetRate;
  const sampleRate = targetRate ?? decoded.sampleRate;
  return {
    samples: resample(decoded.samples, decoded.sampleRate, sampleRate, options.resample),
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
