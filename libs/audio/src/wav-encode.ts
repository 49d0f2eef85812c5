import { BYTES_PER_SAMPLE, KSDATAFORMAT_GUID_TAIL, WAVE_FORMAT_EXTENSIBLE, WAVE_FORMAT_IEEE_FLOAT, formatTagOf, type WavEncoding } from './wav-format';

export type WavWriteEncoding = Exclude<WavEncoding, 'alaw' | 'mulaw'>;

export interface WavEncodeOptions {
  /** Sample encoding; default 'pcm16'. */
  encoding?: WavWriteEncoding;
  /** Write a 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk (sub-format GUID) instead of the plain one. */
  extensible?: boolean;
  /** Chunks written between fmt and data (LIST, cue, …); odd sizes get their pad byte. */
  extraChunks?: readonly { id: string; data: Uint8Array }[];
}

// Speaker masks for the layouts that have an obvious one (FRONT_CENTER; FRONT_LEFT|FRONT_RIGHT).
const CHANNEL_MASKS: Record<number, number> = { 1: 0x4, 2: 0x3 };

function quantise(x: number, bits: number): number {
  const full = 2 ** (bits - 1);
  return Math.max(-full, Math.min(full - 1, Math.round(x * full)));
}

function writeSample(view: DataView, at: number, x: number, encoding: WavWriteEncoding): void {
  switch (encoding) {
    case 'pcm8':
      return view.setUint8(at, quantise(x, 8) + 128);
    case 'pcm16':
      return view.setInt16(at, quantise(x, 16), true);
    case 'pcm24': {
      const v = quantise(x, 24);
      view.setUint8(at, v & 0xff);
      view.setUint8(at + 1, (v >> 8) & 0xff);
      return view.setInt8(at + 2, v >> 16);
    }
    case 'pcm32':
      return view.setInt32(at, quantise(x, 32), true);
    case 'float32':
      return view.setFloat32(at, x, true);
    case 'float64':
      return view.setFloat64(at, x, true);
  }
}

function fmtChunkBody(encoding: WavWriteEncoding, channels: number, sampleRate: number, extensible: boolean): Uint8Array {
  const bytesPerSample = BYTES_PER_SAMPLE[encoding];
  const tag = formatTagOf(encoding);
  const isFloat = tag === WAVE_FORMAT_IEEE_FLOAT;
  const body = new Uint8Array(extensible ? 40 : isFloat ? 18 : 16); // non-PCM needs cbSize (0)
  const view = new DataView(body.buffer);
  view.setUint16(0, extensible ? WAVE_FORMAT_EXTENSIBLE : tag, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, sampleRate, true);
  view.setUint32(8, sampleRate * channels * bytesPerSample, true);
  view.setUint16(12, channels * bytesPerSample, true);
  view.setUint16(14, bytesPerSample * 8, true);
  if (extensible) {
    view.setUint16(16, 22, true); // cbSize
    view.setUint16(18, bytesPerSample * 8, true); // valid bits
    view.setUint32(20, CHANNEL_MASKS[channels] ?? 0, true);
    view.setUint16(24, tag, true);
    body.set(KSDATAFORMAT_GUID_TAIL, 26);
  }
  return body;
}

function chunk(id: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length & 1));
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

/**
 * Encodes one Float32Array (mono) or several equally long ones (one per channel, interleaved on
 * write) as a RIFF/WAVE file. Float formats also get the fact chunk the spec asks for.
 */
export function encodeWav(audio: Float32Array | readonly Float32Array[], sampleRate: number, options: WavEncodeOptions = {}): Uint8Array {
  const channels = audio instanceof Float32Array ? [audio] : audio;
  const frames = channels[0]?.length ?? 0;
  if (channels.length === 0 || channels.some((c) => c.length !== frames)) {
    throw new RangeError('encodeWav needs at least one channel, all of the same length');
  }
  const encoding = options.encoding ?? 'pcm16';
  const bytesPerSample = BYTES_PER_SAMPLE[encoding];
  const data = new Uint8Array(frames * channels.length * bytesPerSample);
  const view = new DataView(data.buffer);
  for (let i = 0, at = 0; i < frames; i++) {
    for (const channel of channels) {
      writeSample(view, at, channel[i]!, encoding);
      at += bytesPerSample;
    }
  }
  const parts = [chunk('fmt ', fmtChunkBody(encoding, channels.length, sampleRate, options.extensible ?? false))];
  if (formatTagOf(encoding) === WAVE_FORMAT_IEEE_FLOAT) {
    const fact = new Uint8Array(4);
    new DataView(fact.buffer).setUint32(0, frames, true);
    parts.push(chunk('fact', fact));
  }
  for (const extra of options.extraChunks ?? []) parts.push(chunk(extra.id.padEnd(4, ' '), extra.data));
  parts.push(chunk('data', data));

  const bodyLength = parts.reduce((n, p) => n + p.length, 4);
  const out = new Uint8Array(8 + bodyLength);
  const header = new DataView(out.buffer);
  out.set([0x52, 0x49, 0x46, 0x46], 0); // RIFF
  header.setUint32(4, bodyLength, true);
  out.set([0x57, 0x41, 0x56, 0x45], 8); // WAVE
  let at = 12;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
