import { AudioDecodeError } from './errors';
import { ALAW_TABLE, MULAW_TABLE } from './g711';
import { parseWavHeader, type WavLayout } from './wav-header';
import type { WavEncoding } from './wav-format';
import { audioWork } from './work';

export interface DecodedWav {
  /** Mono samples in [-1, 1]: channels mixed down by averaging (as torchaudio's `wav.mean(0)`). */
  samples: Float32Array;
  sampleRate: number;
  channels: number;
  encoding: WavEncoding;
  /** The data chunk declared more bytes than the file holds; the whole frames present were kept. */
  truncated: boolean;
}

// Integer PCM is scaled by 2^(bits-1) (8-bit is unsigned, offset 128), the convention of
// torchaudio/sox and libsndfile, so x = k / 32768 round-trips exactly through 16-bit files.
const SCALE = { pcm8: 1 / 128, pcm16: 1 / 32768, pcm24: 1 / 8388608, pcm32: 1 / 2147483648 } as const;

function readSample(view: DataView, at: number, encoding: WavEncoding): number {
  switch (encoding) {
    case 'pcm8':
      return (view.getUint8(at) - 128) * SCALE.pcm8;
    case 'pcm16':
      return view.getInt16(at, true) * SCALE.pcm16;
    case 'pcm24':
      return (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) * SCALE.pcm24;
    case 'pcm32':
      return view.getInt32(at, true) * SCALE.pcm32;
    case 'float32':
      return view.getFloat32(at, true);
    case 'float64':
      return view.getFloat64(at, true);
    case 'alaw':
      return ALAW_TABLE[view.getUint8(at)]!;
    case 'mulaw':
      return MULAW_TABLE[view.getUint8(at)]!;
  }
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The corpus-common case (16-bit, any channel count) in a tight loop of its own, through an
 * Int16Array view when the samples are 2-byte aligned (measured ~2x faster than DataView reads).
 */
function decodePcm16(view: DataView, layout: WavLayout, out: Float32Array): void {
  const { channels, frames, dataOffset } = layout;
  const start = view.byteOffset + dataOffset;
  const scale = SCALE.pcm16 / channels; // a local: V8 re-reads captured constants every iteration
  if (LITTLE_ENDIAN && start % 2 === 0) {
    const pcm = new Int16Array(view.buffer, start, frames * channels);
    if (channels === 1) {
      for (let i = 0; i < frames; i++) out[i] = pcm[i]! * scale;
      return;
    }
    for (let i = 0, at = 0; i < frames; i++) {
      let sum = 0;
      for (let c = 0; c < channels; c++, at++) sum += pcm[at]!;
      out[i] = sum * scale;
    }
    return;
  }
  for (let i = 0, at = dataOffset; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++, at += 2) sum += view.getInt16(at, true);
    out[i] = sum * scale;
  }
}

function decodeGeneric(view: DataView, layout: WavLayout, out: Float32Array): void {
  const { channels, frames, dataOffset, encoding, blockAlign } = layout;
  const step = blockAlign / channels;
  for (let i = 0, at = dataOffset; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++, at += step) sum += readSample(view, at, encoding);
    out[i] = channels === 1 ? sum : sum / channels;
  }
}

/**
 * Throws 'non-finite' at the first sample that is NaN or infinite, after rounding to float32 (a
 * float64 beyond ±3.4e38 becomes infinite there): such a value would poison every feature of the clip.
 */
export function checkFiniteSamples(samples: Float32Array, sampleRate: number): void {
  for (let i = 0; i < samples.length; i++) {
    if (Number.isFinite(samples[i]!)) continue;
    throw new AudioDecodeError('non-finite', `sample ${i} (at ${(i / sampleRate).toFixed(3)} s) is ${samples[i]}; audio samples must be finite numbers`);
  }
}

/**
 * Decodes a RIFF/WAVE file of any common kind: PCM 8/16/24/32-bit, IEEE float 32/64, A-law, µ-law,
 * plain or WAVE_FORMAT_EXTENSIBLE, any channel count. Throws AudioDecodeError with a reason, 'non-finite'
 * for float samples that are NaN or infinite.
 */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const layout = parseWavHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Float32Array(layout.frames);
  audioWork.samplesRead += layout.frames * layout.channels;
  if (layout.encoding === 'pcm16') decodePcm16(view, layout, samples);
  else decodeGeneric(view, layout, samples);
  if (layout.encoding === 'float32' || layout.encoding === 'float64') checkFiniteSamples(samples, layout.sampleRate);
  const { sampleRate, channels, encoding, truncated } = layout;
  return { samples, sampleRate, channels, encoding, truncated };
}
