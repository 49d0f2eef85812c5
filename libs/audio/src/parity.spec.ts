import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from './wav-decode';
import { encodeWav } from './wav-encode';
import { logMel } from './log-mel';
import { readNpy } from './npy';
import { resample } from './resample';
import { synthesizeTestSignal, type TestSignalParams } from './test-signal';

// References made by libs/audio/scripts/make-reference.ts with ../shared/peers/mel_reference.py
// (torchaudio); these tests only read the committed arrays.
const FIXTURES = join(process.cwd(), 'test/fixtures/audio');

interface Reference {
  file: string;
  resampled?: string;
  params: Required<TestSignalParams>;
  wavEncoding: 'pcm16';
  wavSha256: string;
  shape: [number, number];
}

interface ResampleCase {
  file: string;
  params: Required<TestSignalParams>;
  to: number;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'reference.json'), 'utf8')) as {
  references: Reference[];
  resampleCases: ResampleCase[];
};
const referenceAt = (rate: number) => manifest.references.find((r) => r.params.sampleRate === rate)!;

/** The same WAV bytes the reference was computed from, then our whole front end on them. */
function frontEnd(reference: Reference) {
  const wav = encodeWav(synthesizeTestSignal(reference.params), reference.params.sampleRate, { encoding: reference.wavEncoding });
  const decoded = decodeWav(wav);
  const samples = resample(decoded.samples, decoded.sampleRate, 16000);
  return { sha256: createHash('sha256').update(wav).digest('hex'), samples, features: logMel(samples) };
}

function differences(ours: Float32Array, theirs: Float32Array, where: (i: number) => boolean) {
  let max = 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < theirs.length; i++) {
    if (!where(i)) continue;
    const d = Math.abs(ours[i]! - theirs[i]!);
    max = Math.max(max, d);
    sum += d;
    count++;
  }
  return { max, mean: sum / count, count };
}

describe('log-mel parity with torchaudio (mel_reference.py)', () => {
  it('regenerates the exact WAV the references were computed from', () => {
    for (const reference of manifest.references) expect(frontEnd(reference).sha256).toBe(reference.wavSha256);
  });

  it('agrees within 1e-3 at 16 kHz wherever the reference exceeds log(1e-4)', () => {
    const reference = referenceAt(16000);
    const expected = readNpy(readFileSync(join(FIXTURES, reference.file)));
    const { features } = frontEnd(reference);
    expect([features.frames, features.nMels]).toEqual(expected.shape);
    const floor = Math.log(1e-4);
    const diff = differences(features.data, expected.data, (i) => expected.data[i]! > floor);
    expect(diff.count).toBeGreaterThan(expected.data.length / 2); // the mask keeps most of the signal
    expect(diff.max).toBeLessThan(1e-3);
  });

  it('has a mean absolute difference below 0.05 from 44.1 kHz input (resampler + front end)', () => {
    const reference = referenceAt(44100);
    const expected = readNpy(readFileSync(join(FIXTURES, reference.file)));
    const { features } = frontEnd(reference);
    expect([features.frames, features.nMels]).toEqual(expected.shape);
    const all = differences(features.data, expected.data, () => true);
    expect(all.mean).toBeLessThan(0.05);
    // Our resampler reproduces torchaudio's kernel, so the audible part agrees as tightly as at 16 kHz.
    const loud = differences(features.data, expected.data, (i) => expected.data[i]! > Math.log(1e-4));
    expect(loud.max).toBeLessThan(1e-3);
  });

  it('resamples 44.1 kHz to 16 kHz like torchaudio.functional.resample to float32 precision', () => {
    const reference = referenceAt(44100);
    const expected = readNpy(readFileSync(join(FIXTURES, reference.resampled!)));
    const { samples } = frontEnd(reference);
    expect(samples.length).toBe(expected.data.length);
    expect(differences(samples, expected.data, () => true).max).toBeLessThan(1e-5);
  });
});

describe('resampler parity with torchaudio.functional.resample on other rate pairs', () => {
  for (const c of manifest.resampleCases) {
    it(`${c.params.sampleRate} Hz -> ${c.to} Hz agrees to float32 precision`, () => {
      // The reference was computed from a float32 WAV of the same signal, so the input is identical.
      const input = decodeWav(encodeWav(synthesizeTestSignal(c.params), c.params.sampleRate, { encoding: 'float32' })).samples;
      const expected = readNpy(readFileSync(join(FIXTURES, c.file))).data;
      const ours = resample(input, c.params.sampleRate, c.to);
      expect(ours.length).toBe(expected.length);
      expect(differences(ours, expected, () => true).max).toBeLessThan(1e-5);
    });
  }
});
