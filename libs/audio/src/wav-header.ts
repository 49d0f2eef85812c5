import { AudioDecodeError } from './errors';
import {
  KSDATAFORMAT_GUID_TAIL,
  WAVE_FORMAT_ALAW,
  WAVE_FORMAT_EXTENSIBLE,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_MULAW,
  WAVE_FORMAT_PCM,
  fourCC,
  type WavEncoding,
} from './wav-format';

/** Where the samples of a RIFF/WAVE file are and how to read them. */
export interface WavLayout {
  encoding: WavEncoding;
  channels: number;
  sampleRate: number;
  /** Bytes per frame (all channels of one sample instant). */
  blockAlign: number;
  /** Byte offset of the first frame inside the file. */
  dataOffset: number;
  /** Whole frames present in the file. */
  frames: number;
  /** True when the data chunk declares more bytes than the file holds. */
  truncated: boolean;
}

interface FmtChunk {
  tag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

// Names for the tags people meet most often, so "unsupported" says what the file is.
const TAG_NAMES: Record<number, string> = {
  0x0002: 'MS ADPCM',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MPEG Layer 3',
  0x00ff: 'AAC',
};

function describeStart(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 8), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));
  return `starts with "${head.join('')}"`;
}

function parseFmt(view: DataView, start: number, size: number): FmtChunk {
  if (size < 16) throw new AudioDecodeError('bad-header', `fmt chunk is ${size} bytes, expected at least 16`);
  const fmt: FmtChunk = {
    tag: view.getUint16(start, true),
    channels: view.getUint16(start + 2, true),
    sampleRate: view.getUint32(start + 4, true),
    blockAlign: view.getUint16(start + 12, true),
    bitsPerSample: view.getUint16(start + 14, true),
  };
  if (fmt.tag !== WAVE_FORMAT_EXTENSIBLE) return fmt;
  if (size < 40) throw new AudioDecodeError('bad-header', `WAVE_FORMAT_EXTENSIBLE fmt chunk is ${size} bytes, expected 40`);
  const guid = new Uint8Array(view.buffer, view.byteOffset + start + 24, 16);
  if (!KSDATAFORMAT_GUID_TAIL.every((b, i) => guid[i + 2] === b)) {
    throw new AudioDecodeError('unsupported', 'WAVE_FORMAT_EXTENSIBLE with a sub-format GUID that is not a KSDATAFORMAT_SUBTYPE');
  }
  return { ...fmt, tag: view.getUint16(start + 24, true) };
}

function encodingOf(fmt: FmtChunk, containerBytes: number): WavEncoding {
  const tag = fmt.tag;
  if (tag === WAVE_FORMAT_PCM) {
    const pcm = ({ 1: 'pcm8', 2: 'pcm16', 3: 'pcm24', 4: 'pcm32' } as const)[containerBytes];
    if (pcm) return pcm;
  } else if (tag === WAVE_FORMAT_IEEE_FLOAT) {
    const float = ({ 4: 'float32', 8: 'float64' } as const)[containerBytes];
    if (float) return float;
  } else if ((tag === WAVE_FORMAT_ALAW || tag === WAVE_FORMAT_MULAW) && containerBytes === 1) {
    return tag === WAVE_FORMAT_ALAW ? 'alaw' : 'mulaw';
  } else {
    const name = TAG_NAMES[tag] ?? 'unknown';
    throw new AudioDecodeError('unsupported', `WAV format tag 0x${tag.toString(16).padStart(4, '0')} (${name}) is not decoded here`);
  }
  throw new AudioDecodeError('unsupported', `WAV format tag ${tag} with ${containerBytes}-byte samples is not decoded here`);
}

/** Bytes per sample slot: blockAlign / channels, which also covers 24-in-32 and 20-in-24 containers. */
function containerBytesOf(fmt: FmtChunk): number {
  if (fmt.channels === 0) throw new AudioDecodeError('bad-header', 'fmt chunk declares 0 channels');
  if (fmt.sampleRate === 0) throw new AudioDecodeError('bad-header', 'fmt chunk declares a sample rate of 0');
  const fromBits = Math.ceil(fmt.bitsPerSample / 8);
  if (fmt.blockAlign > 0 && fmt.blockAlign % fmt.channels === 0 && fmt.blockAlign / fmt.channels >= fromBits) {
    return fmt.blockAlign / fmt.channels;
  }
  if (fromBits === 0) throw new AudioDecodeError('bad-header', 'fmt chunk declares neither block align nor bits per sample');
  return fromBits; // some writers leave blockAlign wrong; bitsPerSample is then the better witness
}

/**
 * Walks the RIFF chunks (skipping LIST, fact, cue, … and their odd-size pad bytes) to find fmt and
 * data. A data chunk cut short keeps its whole frames; RF64 takes the data size from ds64.
 */
export function parseWavHeader(bytes: Uint8Array): WavLayout {
  if (bytes.length === 0) throw new AudioDecodeError('empty', 'no bytes');
  const id = fourCC(bytes, 0);
  if (id !== 'RIFF' && id !== 'RF64') throw new AudioDecodeError('not-wav', `not a RIFF/WAVE file (${describeStart(bytes)})`);
  if (bytes.length < 12) throw new AudioDecodeError('truncated', `file ends inside the RIFF header (${bytes.length} bytes)`);
  const form = fourCC(bytes, 8);
  if (form !== 'WAVE') throw new AudioDecodeError('not-wav', `RIFF file of form "${form}", not "WAVE"`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: FmtChunk | undefined;
  let data: { start: number; declared: number } | undefined;
  let ds64DataSize: number | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length && !(fmt && data)) {
    const chunk = fourCC(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (chunk === 'fmt ') {
      if (start + 16 > bytes.length) throw new AudioDecodeError('truncated', 'file ends inside the fmt chunk');
      fmt = parseFmt(view, start, Math.min(size, bytes.length - start));
    } else if (chunk === 'ds64' && start + 16 <= bytes.length) {
      ds64DataSize = Number(view.getBigUint64(start + 8, true));
    } else if (chunk === 'data') {
      data = { start, declared: id === 'RF64' && size === 0xffffffff && ds64DataSize !== undefined ? ds64DataSize : size };
    }
    offset = start + size + (size & 1);
  }
  const ranOff = offset !== bytes.length; // the walk did not land exactly on the end: the file was cut
  if (!fmt) {
    throw new AudioDecodeError(ranOff ? 'truncated' : 'bad-header', ranOff ? 'file ends before the fmt chunk' : 'no fmt chunk');
  }
  if (!data) throw new AudioDecodeError(ranOff ? 'truncated' : 'empty', ranOff ? 'file ends before the data chunk' : 'no data chunk');

  const containerBytes = containerBytesOf(fmt);
  const encoding = encodingOf(fmt, containerBytes);
  const blockAlign = containerBytes * fmt.channels;
  const available = Math.min(data.declared, bytes.length - data.start);
  const frames = Math.floor(available / blockAlign);
  if (frames === 0) {
    if (data.declared === 0) throw new AudioDecodeError('empty', 'data chunk holds no audio (0 bytes)');
    throw new AudioDecodeError('truncated', `data chunk declares ${data.declared} bytes but the file holds no whole frame`);
  }
  const truncated = data.declared > available && data.declared !== 0xffffffff;
  return { encoding, channels: fmt.channels, sampleRate: fmt.sampleRate, blockAlign, dataOffset: data.start, frames, truncated };
}
