import { describe, expect, it } from 'vitest';
import { AudioDecodeError } from './errors';
import { decodeWav } from './wav-decode';
import { encodeWav, type WavWriteEncoding } from './wav-encode';

/** Values every encoding represents exactly: k / 128, in [-1, 127/128]. */
function exactRamp(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => ((i % 256) - 128) / 128);
}

function catchDecode(bytes: Uint8Array): AudioDecodeError {
  try {
    decodeWav(bytes);
  } catch (error) {
    if (error instanceof AudioDecodeError) return error;
    throw error;
  }
  throw new Error('decodeWav did not throw');
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('encodeWav / decodeWav round trips', () => {
  const encodings: WavWriteEncoding[] = ['pcm8', 'pcm16', 'pcm24', 'pcm32', 'float32', 'float64'];
  for (const encoding of encodings) {
    it(`${encoding} round-trips sample values, rate and encoding`, () => {
      const samples = exactRamp(1000);
      const decoded = decodeWav(encodeWav(samples, 22050, { encoding }));
      expect(decoded).toMatchObject({ sampleRate: 22050, channels: 1, encoding, truncated: false });
      expect(Array.from(decoded.samples)).toEqual(Array.from(samples));
    });
  }

  it('quantises 16-bit PCM to the nearest step and clips out-of-range values', () => {
    const decoded = decodeWav(encodeWav(Float32Array.of(0.1, -0.1, 1.5, -1.5), 16000, { encoding: 'pcm16' }));
    expect(decoded.samples[0]).toBeCloseTo(Math.round(0.1 * 32768) / 32768, 7);
    expect(decoded.samples[1]).toBeCloseTo(Math.round(-0.1 * 32768) / 32768, 7);
    expect(Array.from(decoded.samples.subarray(2))).toEqual([32767 / 32768, -1]);
  });

  it('keeps full float64 values representable in float32', () => {
    const decoded = decodeWav(encodeWav(Float32Array.of(0.123456789, -0.5), 8000, { encoding: 'float64' }));
    expect(decoded.samples[0]).toBe(Math.fround(0.123456789));
  });

  for (const encoding of ['pcm16', 'pcm24', 'float32'] as const) {
    it(`reads WAVE_FORMAT_EXTENSIBLE (${encoding} sub-format GUID)`, () => {
      const samples = exactRamp(300);
      const bytes = encodeWav(samples, 48000, { encoding, extensible: true });
      expect(new DataView(bytes.buffer).getUint16(20, true)).toBe(0xfffe);
      const decoded = decodeWav(bytes);
      expect(decoded).toMatchObject({ encoding, sampleRate: 48000 });
      expect(Array.from(decoded.samples)).toEqual(Array.from(samples));
    });
  }

  it('rejects an extensible header whose sub-format GUID is not a KSDATAFORMAT subtype', () => {
    const bytes = encodeWav(exactRamp(10), 16000, { extensible: true });
    bytes[20 + 26 + 4] = 0x42; // a byte of the GUID tail (fmt body at offset 20, tail at +26)
    expect(catchDecode(bytes).reason).toBe('unsupported');
  });

  it('mixes stereo down to mono by averaging the channels', () => {
    const left = Float32Array.of(0.5, 0.25, -1);
    const right = Float32Array.of(0.25, -0.25, 0);
    const decoded = decodeWav(encodeWav([left, right], 16000, { encoding: 'float32' }));
    expect(decoded.channels).toBe(2);
    expect(Array.from(decoded.samples)).toEqual([0.375, 0, -0.5]);
  });

  it('mixes any channel count (6-channel 24-bit extensible) down by averaging', () => {
    const channels = Array.from({ length: 6 }, (_, c) => Float32Array.of(c / 8, -c / 8));
    const decoded = decodeWav(encodeWav(channels, 16000, { encoding: 'pcm24', extensible: true }));
    expect(decoded.channels).toBe(6);
    expect(Array.from(decoded.samples)).toEqual([15 / 48, -15 / 48]);
  });

  it('decodes 16-bit PCM the same from an odd byte offset (no aligned Int16Array view possible)', () => {
    const wav = encodeWav([exactRamp(300), exactRamp(300).reverse()], 16000);
    const shifted = new Uint8Array(wav.length + 1);
    shifted.set(wav, 1);
    const unaligned = shifted.subarray(1);
    expect(unaligned.byteOffset % 2).toBe(1);
    expect(Array.from(decodeWav(unaligned).samples)).toEqual(Array.from(decodeWav(wav).samples));
    const mono = encodeWav(exactRamp(300), 16000);
    shifted.set(mono, 1);
    expect(Array.from(decodeWav(shifted.subarray(1, mono.length + 1)).samples)).toEqual(Array.from(exactRamp(300)));
  });

  it('mixes 16-bit stereo (the fast path) the same way', () => {
    const decoded = decodeWav(encodeWav([Float32Array.of(0.5, 1), Float32Array.of(0, -1)], 16000));
    expect(Array.from(decoded.samples)).toEqual([0.25, (32767 / 32768 - 1) / 2]);
  });
});

describe('decodeWav chunk handling', () => {
  it('skips LIST and other unknown chunks, including odd-sized ones with their pad byte', () => {
    const samples = exactRamp(64);
    const bytes = encodeWav(samples, 16000, {
      extraChunks: [
        { id: 'LIST', data: concat(ascii('INFOISFT'), u32(5), ascii('test\0')) }, // 17 bytes: odd
        { id: 'junk', data: new Uint8Array(3) },
      ],
    });
    expect(Array.from(decodeWav(bytes).samples)).toEqual(Array.from(samples));
  });

  it('reads an odd-sized 8-bit data chunk followed by its pad byte and a trailing chunk', () => {
    const samples = exactRamp(7);
    const plain = encodeWav(samples, 8000, { encoding: 'pcm8' });
    expect(plain.length % 2).toBe(0); // the encoder padded the 7-byte data chunk
    const bytes = concat(plain, ascii('cue '), u32(4), new Uint8Array(4));
    new DataView(bytes.buffer).setUint32(4, bytes.length - 8, true);
    expect(Array.from(decodeWav(bytes).samples)).toEqual(Array.from(samples));
  });

  it('finds fmt after a leading chunk and data written before fmt', () => {
    const wav = encodeWav(exactRamp(16), 16000);
    const fmt = wav.subarray(12, 36);
    const data = wav.subarray(36);
    const bytes = concat(ascii('RIFF'), u32(4 + data.length + 12 + fmt.length), ascii('WAVE'), ascii('bext'), u32(4), new Uint8Array(4), data, fmt);
    expect(Array.from(decodeWav(bytes).samples)).toEqual(Array.from(exactRamp(16)));
  });

  it('keeps the whole frames of a truncated data chunk and says it was truncated', () => {
    const samples = exactRamp(100);
    const full = encodeWav([samples, samples], 16000, { encoding: 'pcm24' }); // 6-byte frames
    const cut = full.subarray(0, full.length - 6 * 40 - 4); // 40 whole frames and 4 bytes of one more
    const decoded = decodeWav(cut);
    expect(decoded.truncated).toBe(true);
    expect(Array.from(decoded.samples)).toEqual(Array.from(samples.subarray(0, 59)));
  });

  it('reads streamed WAV whose sizes are 0xFFFFFFFF (as ffmpeg writes to a pipe) up to the end', () => {
    const bytes = encodeWav(exactRamp(50), 16000, { encoding: 'float32' });
    const view = new DataView(bytes.buffer);
    view.setUint32(4, 0xffffffff, true);
    view.setUint32(bytes.length - 50 * 4 - 4, 0xffffffff, true);
    const decoded = decodeWav(bytes);
    expect(decoded.truncated).toBe(false);
    expect(Array.from(decoded.samples)).toEqual(Array.from(exactRamp(50)));
  });

  it('expands G.711 mu-law and A-law bytes', () => {
    const wav = encodeWav(new Float32Array(4), 8000, { encoding: 'pcm8' });
    const view = new DataView(wav.buffer);
    wav.set([0xff, 0x80, 0x00, 0x7f], 44);
    view.setUint16(20, 7, true); // WAVE_FORMAT_MULAW
    expect(Array.from(decodeWav(wav).samples)).toEqual([0, 32124 / 32768, -32124 / 32768, 0]);
    wav.set([0xd5, 0x55, 0xaa, 0x2a], 44);
    view.setUint16(20, 6, true); // WAVE_FORMAT_ALAW
    expect(Array.from(decodeWav(wav).samples)).toEqual([8 / 32768, -8 / 32768, 32256 / 32768, -32256 / 32768]);
  });
});

describe('decodeWav errors', () => {
  it("'empty' for zero bytes and for a data chunk with no audio", () => {
    expect(catchDecode(new Uint8Array(0)).reason).toBe('empty');
    const error = catchDecode(encodeWav(new Float32Array(0), 16000));
    expect(error.reason).toBe('empty');
    expect(error.message).toMatch(/no audio/);
  });

  it("'not-wav' for a text file and for a RIFF file of another form", () => {
    const text = catchDecode(ascii('hello, this is not audio\n'));
    expect(text).toBeInstanceOf(AudioDecodeError);
    expect(text.reason).toBe('not-wav');
    expect(text.message).toContain('"hello, t"');
    const avi = encodeWav(exactRamp(4), 16000);
    avi.set(ascii('AVI '), 8);
    expect(catchDecode(avi).reason).toBe('not-wav');
  });

  it("'truncated' when the file ends inside the header or before a whole frame", () => {
    const wav = encodeWav(exactRamp(10), 16000);
    expect(catchDecode(wav.subarray(0, 8)).reason).toBe('truncated');
    expect(catchDecode(wav.subarray(0, 30)).reason).toBe('truncated');
    expect(catchDecode(wav.subarray(0, 45)).reason).toBe('truncated'); // data header + 1 byte of a 2-byte frame
  });

  it("'bad-header' for impossible fmt values and a missing fmt chunk", () => {
    const zeroChannels = encodeWav(exactRamp(10), 16000);
    new DataView(zeroChannels.buffer).setUint16(22, 0, true);
    expect(catchDecode(zeroChannels).reason).toBe('bad-header');
    const noFmt = concat(ascii('RIFF'), u32(12 + 4), ascii('WAVE'), ascii('data'), u32(4), new Uint8Array(4));
    expect(catchDecode(noFmt).reason).toBe('bad-header');
  });

  it("'unsupported' names compressed formats such as IMA ADPCM", () => {
    const adpcm = encodeWav(exactRamp(10), 16000);
    new DataView(adpcm.buffer).setUint16(20, 0x0011, true);
    const error = catchDecode(adpcm);
    expect(error.reason).toBe('unsupported');
    expect(error.message).toContain('IMA ADPCM');
  });
});

describe('decodeWav header limits and quirks', () => {
  const withFmt = (bytes: Uint8Array, at: number, value: number, width: 16 | 32 = 16) => {
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    if (width === 16) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    return copy;
  };
  const wav = encodeWav([exactRamp(64), exactRamp(64)], 16000); // stereo 16-bit: channels @22, rate @24, align @32, bits @34

  it.each([
    ['a sample rate of 1 Hz', withFmt(wav, 24, 1, 32), /sample rate of 1 Hz; 1000 to 384000 Hz/],
    ['a sample rate of 4 GHz', withFmt(wav, 24, 0xffffffff, 32), /4294967295 Hz; 1000 to 384000 Hz/],
    ['65535 channels', withFmt(wav, 22, 65535), /65535 channels; 1 to 512/],
    ['0-bit PCM', withFmt(wav, 34, 0), /0-bit PCM; integer PCM is 8, 16, 24 or 32 bits/],
    ['48-bit PCM', withFmt(wav, 34, 48), /48-bit PCM/],
    ['a block align of 3 for stereo 16-bit', withFmt(wav, 32, 3), /block align of 3 bytes; 2 channels of 16-bit PCM need 4/],
    ['a block align of 60000', withFmt(wav, 32, 60000), /block align of 60000/],
  ])("refuses %s as 'bad-header', naming the range", (_, bytes, message) => {
    const error = catchDecode(bytes);
    expect(error.reason).toBe('bad-header');
    expect(error.message).toMatch(message);
  });

  it('refuses float samples of other than 32 or 64 bits', () => {
    const float = encodeWav(exactRamp(8), 16000, { encoding: 'float32' });
    expect(catchDecode(withFmt(float, 34, 16)).message).toMatch(/16-bit IEEE float; float samples are 32 or 64 bits/);
  });

  it('reads 24-bit samples in 4-byte containers and an unset (0) block align', () => {
    const samples = exactRamp(32);
    const pcm32 = encodeWav(samples, 16000, { encoding: 'pcm32' });
    expect(Array.from(decodeWav(withFmt(pcm32, 34, 24)).samples)).toEqual(Array.from(samples));
    expect(Array.from(decodeWav(withFmt(wav, 32, 0)).samples)).toEqual(Array.from(decodeWav(wav).samples));
  });

  it('reads a data chunk of size 0 (left unset by a streaming writer) up to the end, as ffmpeg does', () => {
    const streamed = withFmt(wav, 40, 0, 32);
    const decoded = decodeWav(streamed);
    expect(decoded.truncated).toBe(false);
    expect(Array.from(decoded.samples)).toEqual(Array.from(decodeWav(wav).samples));
  });

  it('clamps a data size larger than the file to the bytes present', () => {
    const decoded = decodeWav(withFmt(wav, 40, 0x7ffff000, 32));
    expect(decoded.truncated).toBe(true);
    expect(decoded.samples.length).toBe(64);
  });

  it('finds the next chunk after an odd-sized one whose pad byte the writer left out', () => {
    const samples = exactRamp(20);
    const plain = encodeWav(samples, 16000);
    const bytes = concat(plain.subarray(0, 36), ascii('junk'), u32(3), ascii('abc'), plain.subarray(36));
    new DataView(bytes.buffer).setUint32(4, bytes.length - 8, true);
    expect(Array.from(decodeWav(bytes).samples)).toEqual(Array.from(samples));
  });

  it("refuses NaN and infinite float samples as 'non-finite', saying where", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const samples = exactRamp(100);
      samples[37] = bad;
      const error = catchDecode(encodeWav(samples, 16000, { encoding: 'float32' }));
      expect(error.reason).toBe('non-finite');
      expect(error.message).toContain(`sample 37 (at 0.002 s) is ${bad}`);
    }
    // A float64 beyond float32's range is infinite once read.
    const big = encodeWav(exactRamp(10), 16000, { encoding: 'float64' });
    new DataView(big.buffer).setFloat64(big.length - 8, 1e300, true);
    expect(catchDecode(big).reason).toBe('non-finite');
  });
});
