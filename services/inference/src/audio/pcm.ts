import { invalidArgument } from '@ser/grpc-kit';

export type PcmEncoding = 'AUDIO_ENCODING_PCM_S16LE' | 'AUDIO_ENCODING_PCM_F32LE';

export const isPcm = (encoding: string): encoding is PcmEncoding => encoding === 'AUDIO_ENCODING_PCM_S16LE' || encoding === 'AUDIO_ENCODING_PCM_F32LE';

/** Bytes of one interleaved frame (a sample of every channel). */
export const pcmFrameBytes = (encoding: PcmEncoding, channels: number) => (encoding === 'AUDIO_ENCODING_PCM_S16LE' ? 2 : 4) * channels;

/**
 * Raw interleaved PCM (whole frames) mixed down to mono float32 in [-1, 1]. A float frame that is NaN or
 * infinite is INVALID_ARGUMENT on `field`: it would reach the model and poison every feature of the clip.
 */
export function pcmToMono(bytes: Uint8Array, encoding: PcmEncoding, channels: number, field = 'audio.content'): Float32Array {
  const frameBytes = pcmFrameBytes(encoding, channels);
  const frames = Math.floor(bytes.length / frameBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, frames * frameBytes);
  const out = new Float32Array(frames);
  const s16 = encoding === 'AUDIO_ENCODING_PCM_S16LE';
  for (let f = 0, at = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++, at += s16 ? 2 : 4) sum += s16 ? view.getInt16(at, true) / 32768 : view.getFloat32(at, true);
    out[f] = sum / channels;
    if (!s16 && !Number.isFinite(out[f]!)) {
      throw invalidArgument(`raw PCM frame ${f} is ${out[f]}; float samples must be finite`, [{ field, description: 'non-finite' }]);
    }
  }
  return out;
}

/** sample_rate_hz and channels of raw PCM, checked (INVALID_ARGUMENT naming `prefix`.field). */
export function checkPcmFormat(prefix: string, sampleRateHz: number, channels: number): void {
  const violations = [
    ...(Number.isInteger(sampleRateHz) && sampleRateHz >= 1000 && sampleRateHz <= 384_000
      ? []
      : [{ field: `${prefix}.sample_rate_hz`, description: 'raw PCM needs a rate in 1000..384000 Hz' }]),
    ...(Number.isInteger(channels) && channels >= 1 && channels <= 32 ? [] : [{ field: `${prefix}.channels`, description: 'raw PCM needs 1..32 channels' }]),
  ];
  if (violations.length) throw invalidArgument(`raw PCM format incomplete: ${violations.map((v) => v.field).join(', ')}`, violations);
}
