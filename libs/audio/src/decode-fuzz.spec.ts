// Property-based tests of decodeAudio on WAV bytes (fast-check): headers that lie, non-finite
// floats, truncation at every chunk boundary, random mutations. Every input must give 16 kHz audio
// whose features are finite, or an AudioDecodeError, within work proportional to its size
// (counted in loop steps by ./work, never timed). Seeded and bounded in runs and time.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAudio, MIN_CLIP_MS } from './decode-audio';
import { AudioDecodeError, type AudioDecodeReason } from './errors';
import { logMel } from './log-mel';
import { synthesizeTestSignal } from './test-signal';
import { encodeWav, type WavWriteEncoding } from './wav-encode';
import { WAV_LIMITS } from './wav-header';
import { resetAudioWork, totalAudioWork } from './work';

const SEED = 20261202;
const RUN_LIMIT_MS = 30_000; // a safety bound per property on a loaded machine; the run counts are what normally ends them
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, interruptAfterTimeLimit: RUN_LIMIT_MS, markInterruptAsFailure: false });

// Loop steps per input byte: upsampling 1 kHz 8-bit PCM to 16 kHz reads ~13 taps for each of 16
// outputs per byte and builds up to 16 kernel phases of ~17 steps: ~480. A fixed part covers the
// kernel's zero padding (2 * width, at most ~300 at the rate limits).
const WORK_PER_BYTE = 512;
const WORK_FIXED = 4096;

type Outcome = { ok: true; truncated: boolean } | { ok: false; reason: AudioDecodeReason };

const counts = { inputs: 0, decoded: 0, refused: new Map<string, number>(), maxWorkPerByte: 0 };
afterAll(() => {
  const refused = [...counts.refused].map(([reason, n]) => `${reason} ${n}`).join(', ');
  console.log(`decode fuzz: ${counts.inputs} inputs, ${counts.decoded} decoded, refused: ${refused}; max work ${counts.maxWorkPerByte.toFixed(1)} steps/byte`);
});

/** Decodes `bytes` and checks what holds for every input: a typed result, finite features, bounded work. */
async function decode(bytes: Uint8Array): Promise<Outcome> {
  counts.inputs++;
  resetAudioWork();
  let outcome: Outcome;
  try {
    // In-process only: a payload for ffmpeg (ADPCM, MP3-in-WAV) ends as a typed error, no ffmpeg spawned.
    const out = await decodeAudio(bytes, { ffmpegPath: null });
    expect(out.sampleRate).toBe(16000);
    expect(out.samples.length).toBeGreaterThanOrEqual((16000 * MIN_CLIP_MS) / 1000);
    const features = logMel(out.samples).data;
    expect(features.every(Number.isFinite)).toBe(true); // what a model would read
    counts.decoded++;
    outcome = { ok: true, truncated: out.source.truncated };
  } catch (error) {
    if (!(error instanceof AudioDecodeError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    counts.refused.set(error.reason, (counts.refused.get(error.reason) ?? 0) + 1);
    outcome = { ok: false, reason: error.reason };
  }
  const work = totalAudioWork();
  counts.maxWorkPerByte = Math.max(counts.maxWorkPerByte, work / Math.max(1, bytes.length));
  expect(work).toBeLessThanOrEqual(WORK_PER_BYTE * bytes.length + WORK_FIXED);
  return outcome;
}

/** A well-formed WAV: any encoding, 1-3 channels, a common or arbitrary in-range rate, extra chunks. */
const wavSpec = fc.record({
  encoding: fc.constantFrom<WavWriteEncoding>('pcm8', 'pcm16', 'pcm24', 'pcm32', 'float32', 'float64'),
  channels: fc.integer({ min: 1, max: 3 }),
  rate: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(8000, 11025, 16000, 22050, 44100, 48000) },
    { weight: 1, arbitrary: fc.integer({ min: WAV_LIMITS.minSampleRate, max: WAV_LIMITS.maxSampleRate }) },
  ),
  frames: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 300, max: 2500 })),
  extensible: fc.boolean(),
  extra: fc.array(fc.record({ id: fc.constantFrom('LIST', 'junk', 'bext', 'cue '), data: fc.uint8Array({ maxLength: 9 }) }), { maxLength: 2 }),
});
type WavSpec = typeof wavSpec extends fc.Arbitrary<infer T> ? T : never;

function makeWav(spec: WavSpec): Uint8Array {
  const channels = Array.from({ length: spec.channels }, (_, c) => Float32Array.from({ length: spec.frames }, (_, i) => 0.5 * Math.sin((0.05 + 0.01 * c) * i)));
  return encodeWav(channels, spec.rate, { encoding: spec.encoding, extensible: spec.extensible, extraChunks: spec.extra });
}

/** [id, offset] of each chunk of a well-formed WAV (the test's own walk, for offsets to lie about). */
function chunksOf(bytes: Uint8Array): Array<{ id: string; at: number; size: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [];
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    out.push({ id: String.fromCharCode(...bytes.subarray(at, at + 4)), at, size });
    at += 8 + size + (size & 1);
  }
  return out;
}

const minFrames = (rate: number) => Math.ceil((rate * MIN_CLIP_MS) / 1000);

describe('decodeAudio under fuzzed WAV input (fast-check)', () => {
  it('headers lying about sizes, rates, channels and depths give audio or a typed error, ranges enforced', async () => {
    const u16 = fc.oneof(fc.constantFrom(0, 1, 3, 7, 8, 12, 24, 32, 33, 64, 255, 0xffff), fc.integer({ min: 0, max: 0xffff }));
    const u32 = fc.oneof(fc.constantFrom(0, 1, 999, 1000, 384_000, 384_001, 0x7ffff000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));
    const lies = fc.record(
      { channels: u16, rate: u32, byteRate: u32, blockAlign: u16, bits: u16, fmtSize: u32, dataSize: u32, riffSize: u32 },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(wavSpec, lies, async (spec, lie) => {
        const bytes = makeWav(spec);
        const view = new DataView(bytes.buffer);
        const data = chunksOf(bytes).find((c) => c.id === 'data')!;
        if (lie.riffSize !== undefined) view.setUint32(4, lie.riffSize, true);
        if (lie.fmtSize !== undefined) view.setUint32(16, lie.fmtSize, true);
        if (lie.channels !== undefined) view.setUint16(22, lie.channels, true);
        if (lie.rate !== undefined) view.setUint32(24, lie.rate, true);
        if (lie.byteRate !== undefined) view.setUint32(28, lie.byteRate, true);
        if (lie.blockAlign !== undefined) view.setUint16(32, lie.blockAlign, true);
        if (lie.bits !== undefined) view.setUint16(34, lie.bits, true);
        if (lie.dataSize !== undefined) view.setUint32(data.at + 4, lie.dataSize, true);
        const outcome = await decode(bytes);
        const fmtIntact = lie.fmtSize === undefined;
        const channels = lie.channels ?? spec.channels;
        const rate = lie.rate ?? spec.rate;
        if (fmtIntact && (channels === 0 || channels > WAV_LIMITS.maxChannels || rate < WAV_LIMITS.minSampleRate || rate > WAV_LIMITS.maxSampleRate)) {
          expect(outcome).toEqual({ ok: false, reason: 'bad-header' });
        }
        if (Object.keys(lie).length === 0) expect(outcome.ok || ['too-short', 'empty'].includes(outcome.reason)).toBe(true);
      }),
      params(1500),
    );
  });

  it('non-finite floats are refused as non-finite; finite ones decode to finite features', async () => {
    const special = fc.constantFrom(NaN, Infinity, -Infinity, 3.4e38, -3.4e38, 1e39, 1e300, 5e-324);
    const finite = fc.double({ min: -1, max: 1, noNaN: true });
    const someSpecial = fc.oneof({ weight: 200, arbitrary: finite }, { weight: 1, arbitrary: special });
    const clip = fc.oneof(fc.array(finite, { minLength: 400, maxLength: 900 }), fc.array(someSpecial, { minLength: 400, maxLength: 900 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<WavWriteEncoding>('float32', 'float64'), clip, async (encoding, values) => {
        const samples = Float64Array.from(values);
        const bytes = encodeWav(Float32Array.from(samples), 16000, { encoding });
        if (encoding === 'float64') {
          const view = new DataView(bytes.buffer);
          samples.forEach((v, i) => view.setFloat64(bytes.length - 8 * samples.length + 8 * i, v, true)); // full float64 values
        }
        const outcome = await decode(bytes);
        if (samples.some((v) => !Number.isFinite(Math.fround(v)))) expect(outcome).toEqual({ ok: false, reason: 'non-finite' });
        else expect(outcome.ok || outcome.reason === 'non-finite').toBe(true); // ±3.4e38 may overflow once filtered
      }),
      params(500),
    );
  });

  it('a WAV cut at every chunk boundary keeps its whole frames or says why not', async () => {
    await fc.assert(
      fc.asyncProperty(wavSpec, async (spec) => {
        const wav = makeWav(spec);
        const chunks = chunksOf(wav);
        const data = chunks.find((c) => c.id === 'data')!;
        const frameBytes = spec.channels * { pcm8: 1, pcm16: 2, pcm24: 3, pcm32: 4, float32: 4, float64: 8 }[spec.encoding];
        const cuts = new Set([0, 1, 4, 8, 11, 12]);
        for (const c of chunks) for (const d of [0, 1, 4, 7, 8, 9, 8 + c.size - 1, 8 + c.size]) cuts.add(c.at + d);
        for (const frames of [1, minFrames(spec.rate)]) cuts.add(data.at + 8 + frames * frameBytes - 1).add(data.at + 8 + frames * frameBytes);
        for (const cut of [...cuts].filter((n) => n >= 0 && n <= wav.length).sort((a, b) => a - b)) {
          const outcome = await decode(wav.slice(0, cut));
          const whole = Math.floor((cut - data.at - 8) / frameBytes);
          if (whole >= minFrames(spec.rate)) expect(outcome).toEqual({ ok: true, truncated: cut < data.at + 8 + data.size });
          else if (cut <= data.at + 8) expect(outcome.ok).toBe(false);
        }
      }),
      params(150),
    );
  });

  it('random byte mutations of generated and realistic WAVs give audio or a typed error', async () => {
    const speech = encodeWav(synthesizeTestSignal({ sampleRate: 22050, seconds: 0.2, seed: 7 }), 22050, { encoding: 'pcm16' });
    const base = fc.oneof(wavSpec.map(makeWav), fc.constant(speech));
    const mutation = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) });
    const tail = fc.oneof(
      fc.constant<'keep'>('keep'),
      fc.nat().map((n) => ({ cut: n })),
      fc.uint8Array({ maxLength: 64 }).map((append) => ({ append })),
    );
    await fc.assert(
      fc.asyncProperty(base, fc.array(mutation, { minLength: 1, maxLength: 8 }), tail, async (original, mutations, end) => {
        let bytes = original.slice();
        // Mutations land in the first 64 bytes half the time: that is where the header is.
        for (const [i, m] of mutations.entries()) bytes[i % 2 ? m.at % bytes.length : m.at % Math.min(64, bytes.length)] = m.value;
        if (end !== 'keep' && 'cut' in end) bytes = bytes.slice(0, end.cut % (bytes.length + 1));
        if (end !== 'keep' && 'append' in end) bytes = Uint8Array.from([...bytes, ...end.append]);
        await decode(bytes);
      }),
      params(1500),
    );
  });
});
