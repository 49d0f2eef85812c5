import { createHash } from 'node:crypto';
import { AudioDecodeError, checkClipDuration, decodeAudio, resample } from '@ser/audio';
import type { AudioData__Output } from '@ser/contracts';
import { failedPrecondition, GrpcError, GrpcStatus, invalidArgument } from '@ser/grpc-kit';
import { checkPcmFormat, isPcm, pcmToMono } from './pcm';

/** The models' input rate: the features service resamples every corpus to it. */
export const MODEL_RATE = 16000;

export interface AudioLimits {
  maxAudioSeconds: number;
  maxAudioBytes: number;
}

/** RESOURCE_EXHAUSTED when `bytes` exceeds the limit; the limit and the size travel in ErrorInfo metadata. */
export function checkAudioBytes(field: string, bytes: number, limits: AudioLimits): void {
  if (bytes <= limits.maxAudioBytes) return;
  throw new GrpcError(GrpcStatus.RESOURCE_EXHAUSTED, `${field} is ${bytes} bytes; at most ${limits.maxAudioBytes}`, {
    reason: 'AUDIO_TOO_LARGE',
    metadata: { limitBytes: String(limits.maxAudioBytes), bytes: String(bytes) },
    violations: [{ field, description: `larger than ${limits.maxAudioBytes} bytes` }],
  });
}

/** INVALID_ARGUMENT when audio is longer than the limit (reason AUDIO_TOO_LONG with both durations). */
export function checkAudioSeconds(field: string, seconds: number, limits: AudioLimits): void {
  if (seconds <= limits.maxAudioSeconds) return;
  throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, `audio is ${seconds.toFixed(2)} s long; at most ${limits.maxAudioSeconds} s`, {
    reason: 'AUDIO_TOO_LONG',
    metadata: { limitSeconds: String(limits.maxAudioSeconds), seconds: seconds.toFixed(3) },
    violations: [{ field, description: `longer than ${limits.maxAudioSeconds} s` }],
  });
}

/** A decoder error as gRPC: FAILED_PRECONDITION when ffmpeg is missing, else INVALID_ARGUMENT with the reason on audio.content. */
function toGrpcAudioError(err: unknown, filename: string): unknown {
  if (!(err instanceof AudioDecodeError)) return err;
  if (err.reason === 'tool-missing') return failedPrecondition(`audio needs ffmpeg, which this server lacks: ${err.message}`, 'FFMPEG_MISSING');
  const name = filename ? `audio '${filename}'` : 'audio';
  return invalidArgument(`${name} cannot be decoded: ${err.message}`, [{ field: 'audio.content', description: err.reason }]);
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * An uploaded clip as the models read it: limits checked, decoded (WAV in-process, other containers through
 * ffmpeg, raw PCM by its declared format), mono, resampled to 16 kHz; with the SHA-256 of the bytes received.
 */
export async function decodeAudioInput(
  audio: AudioData__Output | null | undefined,
  limits: AudioLimits,
): Promise<{ samples: Float32Array; inputHash: string }> {
  const content = audio?.content;
  if (!content || content.length === 0)
    throw invalidArgument('audio.content is empty', [{ field: 'audio.content', description: 'send the bytes of an audio file' }]);
  checkAudioBytes('audio.content', content.length, limits);
  const inputHash = sha256Hex(content);
  if (isPcm(audio.encoding)) {
    checkPcmFormat('audio', audio.sampleRateHz, audio.channels);
    const seconds = content.length / (audio.channels * (audio.encoding === 'AUDIO_ENCODING_PCM_S16LE' ? 2 : 4)) / audio.sampleRateHz;
    checkAudioSeconds('audio.content', seconds, limits);
    const mono = pcmToMono(content, audio.encoding, audio.channels);
    try {
      checkClipDuration(mono.length, audio.sampleRateHz);
    } catch (err) {
      throw toGrpcAudioError(err, audio.filename);
    }
    return { samples: resample(mono, audio.sampleRateHz, MODEL_RATE), inputHash };
  }
  let samples: Float32Array;
  try {
    samples = (await decodeAudio(content, { targetRate: MODEL_RATE })).samples;
  } catch (err) {
    throw toGrpcAudioError(err, audio.filename);
  }
  if (samples.length === 0) throw invalidArgument('audio holds no samples', [{ field: 'audio.content', description: 'empty' }]);
  checkAudioSeconds('audio.content', samples.length / MODEL_RATE, limits);
  return { samples, inputHash };
}
