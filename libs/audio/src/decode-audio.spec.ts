import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio, decodeAudioFile, MIN_CLIP_MS } from './decode-audio';
import { AudioDecodeError } from './errors';
import { decodeWithFfmpeg } from './ffmpeg';
import { resample } from './resample';
import { detectContainer } from './sniff';
import { decodeWav } from './wav-decode';
import { encodeWav } from './wav-encode';
import { resetAudioWork, totalAudioWork } from './work';

const tone = (hz: number, rate: number, n: number) => Float32Array.from({ length: n }, (_, i) => 0.4 * Math.sin((2 * Math.PI * hz * i) / rate));

/** Strongest frequency by a coarse DFT scan (10 Hz steps), enough to tell a tone survived a codec. */
function peakHz(x: Float32Array, rate: number): number {
  let best = 0;
  let bestPower = -1;
  for (let hz = 100; hz < 2000; hz += 10) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < x.length; n++) {
      re += x[n]! * Math.cos((2 * Math.PI * hz * n) / rate);
      im += x[n]! * Math.sin((2 * Math.PI * hz * n) / rate);
    }
    if (re * re + im * im > bestPower) [best, bestPower] = [hz, re * re + im * im];
  }
  return best;
}

async function reasonOf(promise: Promise<unknown>): Promise<AudioDecodeError> {
  const error = await promise.then(
    () => new Error('expected an AudioDecodeError'),
    (e: unknown) => e,
  );
  if (!(error instanceof AudioDecodeError)) throw error;
  return error;
}

describe('decodeAudio', () => {
  let dir: string;
  const stereo = encodeWav([tone(440, 44100, 22050), tone(440, 44100, 22050).map((v) => v / 2)], 44100);

  /** Encodes the stereo test WAV with ffmpeg; the tests need ffmpeg and say so when it is missing. */
  function transcode(ext: string, codecArgs: string[]): Uint8Array {
    const input = join(dir, 'in.wav');
    const output = join(dir, `out.${ext}`);
    writeFileSync(input, stereo);
    const run = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...codecArgs, output]);
    if (run.error) throw new Error(`these tests need ffmpeg on PATH to make FLAC/MP3/OGG/M4A inputs: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr.toString()}`);
    return readFileSync(output);
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ser-audio-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes WAV in-process, mixes to mono and resamples to 16 kHz by default', async () => {
    const out = await decodeAudio(stereo);
    expect(out.sampleRate).toBe(16000);
    expect(out.source).toEqual({ container: 'wav', sampleRate: 44100, channels: 2, truncated: false });
    expect(Array.from(out.samples)).toEqual(Array.from(resample(decodeWav(stereo).samples, 44100, 16000)));
  });

  it('keeps the file rate with targetRate: null', async () => {
    const out = await decodeAudio(stereo, { targetRate: null });
    expect(out.sampleRate).toBe(44100);
    expect(out.samples.length).toBe(22050);
  });

  it('decodes FLAC through ffmpeg to exactly the samples of the WAV it was made from', async () => {
    const flac = transcode('flac', ['-c:a', 'flac']);
    expect(detectContainer(flac)).toBe('flac');
    const [fromFlac, fromWav] = [await decodeAudio(flac), await decodeAudio(stereo)];
    expect(fromFlac.source).toMatchObject({ container: 'flac', sampleRate: 44100, channels: 2 });
    expect(Array.from(fromFlac.samples)).toEqual(Array.from(fromWav.samples));
  });

  for (const [ext, container, args] of [
    ['mp3', 'mp3', ['-c:a', 'libmp3lame', '-b:a', '128k']],
    ['ogg', 'ogg', ['-c:a', 'libvorbis']],
    ['m4a', 'mp4', ['-c:a', 'aac']],
  ] as const) {
    it(`decodes ${ext} (detected as ${container} by its bytes) keeping the tone`, async () => {
      const bytes = transcode(ext, [...args]);
      expect(detectContainer(bytes)).toBe(container);
      const out = await decodeAudio(bytes);
      expect(out.source.container).toBe(container);
      expect(out.sampleRate).toBe(16000);
      expect(Math.abs(out.samples.length - 8000)).toBeLessThan(1600); // codec padding adds a little
      expect(peakHz(out.samples, 16000)).toBe(440);
    });
  }

  it("fails with 'tool-missing' naming ffmpeg when it is not installed", async () => {
    const flac = transcode('flac', ['-c:a', 'flac']);
    const error = await reasonOf(decodeAudio(flac, { ffmpegPath: join(dir, 'no-such-ffmpeg') }));
    expect(error.reason).toBe('tool-missing');
    expect(error.message).toMatch(/needs ffmpeg/);
  });

  it("fails with 'tool-failed' when ffmpeg cannot decode the bytes", async () => {
    const bogus = new Uint8Array(512);
    bogus.set(Array.from('fLaC', (c) => c.charCodeAt(0)));
    const error = await reasonOf(decodeAudio(bogus));
    expect(error.reason).toBe('tool-failed');
    expect(error.message).toMatch(/ffmpeg exited/);
  });

  it('sends compressed WAV payloads (IMA ADPCM) to ffmpeg, and says so when ffmpeg is missing', async () => {
    const adpcm = transcode('wav', ['-c:a', 'adpcm_ima_wav']);
    const out = await decodeAudio(adpcm);
    expect(out.source).toMatchObject({ container: 'wav', sampleRate: 44100, channels: 2 });
    expect(peakHz(out.samples, 16000)).toBe(440);
    const error = await reasonOf(decodeAudio(adpcm, { ffmpegPath: join(dir, 'no-such-ffmpeg') }));
    expect(error.reason).toBe('unsupported');
    expect(error.message).toMatch(/IMA ADPCM.*ffmpeg, which could decode it, is not installed/);
  });

  it("fails with 'not-audio' for a text file named .wav, naming the file", async () => {
    const path = join(dir, 'notes.wav');
    writeFileSync(path, 'these are meeting notes, not audio\n');
    const error = await reasonOf(decodeAudioFile(path));
    expect(error.reason).toBe('not-audio');
    expect(error.message).toContain(path);
  });

  it("fails with 'empty' for zero bytes and keeps WAV reasons for broken WAVs", async () => {
    expect((await reasonOf(decodeAudio(new Uint8Array(0)))).reason).toBe('empty');
    expect((await reasonOf(decodeAudio(stereo.subarray(0, 40)))).reason).toBe('truncated');
  });

  it(`fails with 'too-short' under one ${MIN_CLIP_MS} ms analysis window, naming both durations`, async () => {
    const short = encodeWav(tone(440, 16000, 399), 16000);
    const error = await reasonOf(decodeAudio(short));
    expect(error.reason).toBe('too-short');
    expect(error.message).toBe('clip is 24.9 ms long; at least 25 ms (one analysis window) is needed for a prediction or features');
    expect((await decodeAudio(encodeWav(tone(440, 16000, 400), 16000))).samples.length).toBe(400);
    expect((await decodeAudio(short, { minDurationMs: 0 })).samples.length).toBe(399);
  });

  it('resamples a short clip at a rate coprime with 16 kHz in work proportional to the clip, not the rates', async () => {
    // 44101 -> 16000 has 16000 phases of a 44101-sample window each: building that took ~10 s for any clip.
    for (const rate of [44101, 383999, 1001]) {
      resetAudioWork();
      const bytes = encodeWav(tone(440, rate, Math.ceil(rate / 40)), rate); // 25 ms
      const out = await decodeAudio(bytes);
      expect(out.samples.length).toBe(Math.ceil((16000 * Math.ceil(rate / 40)) / rate));
      expect(totalAudioWork()).toBeLessThan(600 * bytes.length);
    }
  });

  describe('quirks of real files, read as ffmpeg reads them', () => {
    const quirky = (edit: (view: DataView, bytes: Uint8Array) => void, options: Parameters<typeof encodeWav>[2] = {}) => {
      const bytes = encodeWav([tone(300, 16000, 800), tone(500, 16000, 800)], 16000, options);
      edit(new DataView(bytes.buffer), bytes);
      return bytes;
    };
    const dataSizeAt = (bytes: Uint8Array) => bytes.length - 800 * 2 * 2 - 4;
    it.each([
      ['data size 0 (a streaming writer)', quirky((v, b) => v.setUint32(dataSizeAt(b), 0, true))],
      ['RIFF and data sizes 0xFFFFFFFF (ffmpeg to a pipe)', quirky((v, b) => (v.setUint32(4, 0xffffffff, true), v.setUint32(dataSizeAt(b), 0xffffffff, true)))],
      ['a data size past the end of the file (sox to a pipe)', quirky((v, b) => v.setUint32(dataSizeAt(b), 0x7ffff000, true))],
      ['a RIFF size of 0', quirky((v) => v.setUint32(4, 0, true))],
      ['block align 0', quirky((v) => v.setUint16(32, 0, true))],
      ['an odd-size LIST chunk and its pad byte', quirky(() => undefined, { extraChunks: [{ id: 'LIST', data: new Uint8Array(13) }] })],
      ['WAVE_FORMAT_EXTENSIBLE 24-bit', quirky(() => undefined, { extensible: true, encoding: 'pcm24' })],
    ])('%s', async (_, bytes) => {
      const ours = await decodeAudio(bytes, { targetRate: null });
      const ffmpeg = await decodeWithFfmpeg(bytes, 'wav');
      expect(ours.samples.length).toBe(800);
      expect(Array.from(ours.samples)).toEqual(Array.from(ffmpeg.samples));
    });
  });

  it("turns ffmpeg off with ffmpegPath: null ('unsupported' for a WAV payload it would need)", async () => {
    const adpcm = encodeWav(tone(440, 16000, 800), 16000);
    new DataView(adpcm.buffer).setUint16(20, 0x0011, true);
    expect((await reasonOf(decodeAudio(adpcm, { ffmpegPath: null }))).reason).toBe('unsupported');
  });
});

describe('detectContainer', () => {
  const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

  it('tells containers apart by magic bytes', () => {
    expect(detectContainer(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBe('wav');
    expect(detectContainer(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBe('unknown');
    expect(detectContainer(bytes('fLaC'))).toBe('flac');
    expect(detectContainer(bytes('OggS'))).toBe('ogg');
    expect(detectContainer(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toBe('mp4');
    expect(detectContainer(bytes('ID3', [4, 0]))).toBe('mp3');
    expect(detectContainer(bytes([0xff, 0xfb, 0x90]))).toBe('mp3');
    expect(detectContainer(bytes([0xff, 0xf1, 0x50]))).toBe('aac');
    expect(detectContainer(bytes('FORM', [0, 0, 0, 0], 'AIFF'))).toBe('aiff');
    expect(detectContainer(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toBe('webm');
    expect(detectContainer(bytes('hello'))).toBe('unknown');
  });
});
