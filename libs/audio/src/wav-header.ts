import { AudioDecodeError } from './errors';
import { audioWork } from './work';
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

/**
 * What a header may claim. Outside these ranges it is refused ('bad-header', the range named) rather
 * than believed: a rate of 1 Hz would make 16 kHz resampling write 16000 samples per input sample.
 */
export const WAV_LIMITS = Object.freeze({
  minSampleRate: 1000, // below every speech recording rate (8 kHz telephony is the lowest in use); inference's raw PCM check agrees
  maxSampleRate: 384_000, // the highest rate audio interfaces record (DXD, 8x 48 kHz)
  maxChannels: 512, // ffmpeg's FF_SANE_NB_CHANNELS: ffmpeg refuses more
});

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

const badHeader = (message: string) => new AudioDecodeError('bad-header', message);

function parseFmt(view: DataView, start: number, size: number): FmtChunk {
  if (size < 16) throw badHeader(`fmt chunk is ${size} bytes, expected at least 16`);
  const fmt: FmtChunk = {
    tag: view.getUint16(start, true),
    channels: view.getUint16(start + 2, true),
    sampleRate: view.getUint32(start + 4, true),
    blockAlign: view.getUint16(start + 12, true),
    bitsPerSample: view.getUint16(start + 14, true),
  };
  if (fmt.tag !== WAVE_FORMAT_EXTENSIBLE) return fmt;
  if (size < 40) throw badHeader(`WAVE_FORMAT_EXTENSIBLE fmt chunk is ${size} bytes, expected 40`);
  const guid = new Uint8Array(view.buffer, view.byteOffset + start + 24, 16);
  if (!KSDATAFORMAT_GUID_TAIL.every((b, i) => guid[i + 2] === b)) {
    throw new AudioDecodeError('unsupported', 'WAVE_FORMAT_EXTENSIBLE with a sub-format GUID that is not a KSDATAFORMAT_SUBTYPE');
  }
  // wBitsPerSample is the container here; wValidBitsPerSample (0: all of it) may only be fewer.
  const validBits = view.getUint16(start + 18, true);
  if (validBits > fmt.bitsPerSample) {
    throw badHeader(`WAVE_FORMAT_EXTENSIBLE declares ${validBits} valid bits in a ${fmt.bitsPerSample}-bit container`);
  }
  return { ...fmt, tag: view.getUint16(start + 24, true) };
}

function checkRanges({ channels, sampleRate }: FmtChunk): void {
  const { minSampleRate, maxSampleRate, maxChannels } = WAV_LIMITS;
  if (channels < 1 || channels > maxChannels) throw badHeader(`fmt chunk declares ${channels} channels; 1 to ${maxChannels} are decoded`);
  if (sampleRate < minSampleRate || sampleRate > maxSampleRate) {
    throw badHeader(`fmt chunk declares a sample rate of ${sampleRate} Hz; ${minSampleRate} to ${maxSampleRate} Hz are decoded`);
  }
}

const PCM_BY_BYTES = { 1: 'pcm8', 2: 'pcm16', 3: 'pcm24', 4: 'pcm32' } as const;

/**
 * The sample encoding and bytes per sample slot. The bit depth is the witness, as in ffmpeg; the
 * block align must agree with it (channels x bytes per sample), except that integer PCM may sit in
 * a wider container (20-in-24, 24-in-32) and that 0 means the writer left it unset.
 */
function sampleFormatOf(fmt: FmtChunk): { encoding: WavEncoding; containerBytes: number } {
  checkRanges(fmt);
  const { tag, channels, blockAlign, bitsPerSample: bits } = fmt;
  let kind: string;
  let containers: number[]; // bytes per sample the depth allows, the packed one first
  if (tag === WAVE_FORMAT_PCM) {
    if (bits < 1 || bits > 32)
      throw badHeader(`fmt chunk declares ${bits}-bit PCM; integer PCM is 8, 16, 24 or 32 bits (or fewer valid bits in such a container)`);
    kind = `${bits}-bit PCM`;
    containers = [1, 2, 3, 4].filter((bytes) => bytes >= Math.ceil(bits / 8));
  } else if (tag === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits !== 32 && bits !== 64) throw badHeader(`fmt chunk declares ${bits}-bit IEEE float; float samples are 32 or 64 bits`);
    kind = `${bits}-bit float`;
    containers = [bits / 8];
  } else if (tag === WAVE_FORMAT_ALAW || tag === WAVE_FORMAT_MULAW) {
    kind = tag === WAVE_FORMAT_ALAW ? 'A-law' : 'mu-law';
    if (bits !== 8) throw badHeader(`fmt chunk declares ${bits}-bit ${kind}; G.711 samples are 8 bits`);
    containers = [1];
  } else {
    const name = TAG_NAMES[tag] ?? 'unknown';
    throw new AudioDecodeError('unsupported', `WAV format tag 0x${tag.toString(16).padStart(4, '0')} (${name}) is not decoded here`);
  }
  let containerBytes = containers[0]!;
  if (blockAlign !== 0) {
    if (!containers.includes(blockAlign / channels)) {
      throw badHeader(`fmt chunk declares a block align of ${blockAlign} bytes; ${channels} channels of ${kind} need ${channels * containerBytes}`);
    }
    containerBytes = blockAlign / channels;
  }
  const encoding =
    tag === WAVE_FORMAT_PCM
      ? PCM_BY_BYTES[containerBytes as 1 | 2 | 3 | 4]
      : tag === WAVE_FORMAT_IEEE_FLOAT
        ? bits === 32
          ? 'float32'
          : 'float64'
        : tag === WAVE_FORMAT_ALAW
          ? 'alaw'
          : 'mulaw';
  return { encoding, containerBytes };
}

/** A chunk ID is four printable ASCII characters. */
function isChunkId(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length) return false;
  for (let i = at; i < at + 4; i++) if (bytes[i]! < 0x20 || bytes[i]! > 0x7e) return false;
  return true;
}

/**
 * Where the chunk after [start, start + size) begins: past the (zero) pad byte of an odd size,
 * unless the writer left it out and a chunk ID follows at once.
 */
function nextChunkOffset(bytes: Uint8Array, start: number, size: number): number {
  const end = start + size;
  if ((size & 1) === 0) return end;
  return bytes[end] !== 0 && isChunkId(bytes, end) ? end : end + 1;
}

/** Data sizes streaming writers leave in place of the real one: the data then runs to the end of the file (as ffmpeg reads it). */
const UNSET_SIZES = new Set([0, 0xffffffff]);

/**
 * Walks the RIFF chunks (skipping LIST, fact, cue, … and their odd-size pad bytes) to find fmt and
 * data. Every size is bounded by the bytes present: a data chunk cut short keeps its whole frames,
 * one of size 0 or 0xFFFFFFFF runs to the end; RF64 takes the data size from ds64. Header values
 * outside WAV_LIMITS or inconsistent with each other are 'bad-header' errors naming the range.
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
  let data: { start: number; declared: number; toEnd: boolean } | undefined;
  let ds64DataSize: number | undefined;
  let offset = 12;
  // Each step moves at least 8 bytes on, so the walk is bounded by the file's size, whatever the sizes say.
  while (offset + 8 <= bytes.length && !(fmt && data)) {
    const chunk = fourCC(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const start = offset + 8;
    audioWork.chunks++;
    if (chunk === 'fmt ') {
      if (start + 16 > bytes.length) throw new AudioDecodeError('truncated', 'file ends inside the fmt chunk');
      fmt = parseFmt(view, start, Math.min(size, bytes.length - start));
    } else if (chunk === 'ds64' && start + 16 <= bytes.length) {
      ds64DataSize = Number(view.getBigUint64(start + 8, true));
    } else if (chunk === 'data') {
      const fromDs64 = id === 'RF64' && size === 0xffffffff && ds64DataSize !== undefined;
      const toEnd = !fromDs64 && UNSET_SIZES.has(size);
      data = { start, declared: fromDs64 ? ds64DataSize! : size, toEnd };
      if (toEnd) {
        if (!fmt) throw badHeader(`data chunk of unset size (${size}) comes before the fmt chunk, so nothing after it can be found`);
        break;
      }
    }
    offset = nextChunkOffset(bytes, start, size);
  }
  const ranOff = offset !== bytes.length; // the walk did not land exactly on the end: the file was cut
  if (!fmt) {
    throw new AudioDecodeError(ranOff ? 'truncated' : 'bad-header', ranOff ? 'file ends before the fmt chunk' : 'no fmt chunk');
  }
  if (!data) throw new AudioDecodeError(ranOff ? 'truncated' : 'empty', ranOff ? 'file ends before the data chunk' : 'no data chunk');

  const { encoding, containerBytes } = sampleFormatOf(fmt);
  const blockAlign = containerBytes * fmt.channels;
  const present = bytes.length - data.start;
  const available = data.toEnd ? present : Math.min(data.declared, present);
  const frames = Math.floor(available / blockAlign);
  if (frames === 0) {
    if (available === 0 && (data.toEnd || data.declared === 0)) throw new AudioDecodeError('empty', 'data chunk holds no audio (0 bytes)');
    throw new AudioDecodeError(
      'truncated',
      `data chunk declares ${data.toEnd ? 'an unset size' : `${data.declared} bytes`} but the file holds no whole ${blockAlign}-byte frame`,
    );
  }
  const truncated = !data.toEnd && data.declared > available;
  return { encoding, channels: fmt.channels, sampleRate: fmt.sampleRate, blockAlign, dataOffset: data.start, frames, truncated };
}
