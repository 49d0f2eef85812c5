/**
 * The espeak-ng voice. Where espeak-ng is installed (Debian package espeak-ng) the corpus is
 * generated with it and must carry the emotions; where it is not, 'auto' must fall back to the
 * source-filter voice — this file checks whichever the machine allows, never skipping.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWav } from '@ser/audio';
import { EMOTION_PROSODY } from './emotions';
import { espeakArguments, espeakAvailable } from './espeak';
import { generateDemoCorpus } from './generate';
import { measureProsody } from './prosody-measure';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('espeakArguments', () => {
  it("passes voice, pitch, rate, amplitude and word gap as flags and the emotion's pitch range as SSML", () => {
    const args = espeakArguments({
      command: 'espeak-ng',
      voice: 'en-us+f2',
      pitch: 61,
      wordsPerMinute: 190,
      amplitude: EMOTION_PROSODY.angry.espeak.amplitude,
      wordGap: 0,
      range: 'x-high',
      text: 'Salt & <pepper>',
    });
    expect(args.slice(0, -1)).toEqual(['--stdout', '-m', '-v', 'en-us+f2', '-p', '61', '-s', '190', '-a', '150', '-g', '0']);
    expect(args.at(-1)).toBe('<speak><prosody range="x-high">Salt &amp; &lt;pepper></prosody></speak>');
  });
});

describe("generateDemoCorpus with useEspeak 'auto'", () => {
  it('uses espeak-ng when it is installed (and angry differs from sad), otherwise falls back to the source-filter voice', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'demo-corpus-espeak-'));
    dirs.push(outDir);
    const installed = await espeakAvailable();
    const result = await generateDemoCorpus({ outDir, speakers: 1, utterancesPerEmotion: 3, emotions: ['angry', 'sad'] });
    const written = (await readdir(outDir, { recursive: true })).filter((p) => p.endsWith('.wav'));
    expect(written).toHaveLength(6);
    if (!installed) {
      expect(result.engine).toBe('source-filter');
      return;
    }
    expect(result.engine).toBe('espeak-ng');
    const measureAll = (folder: string, numbers: number[]) =>
      Promise.all(
        numbers.map(async (n) => {
          const wav = decodeWav(await readFile(join(outDir, `${folder}/spk01_male_00${n}.wav`)));
          expect(wav.sampleRate).toBe(16000);
          const seconds = wav.samples.length / wav.sampleRate;
          expect(seconds).toBeGreaterThanOrEqual(1);
          expect(seconds).toBeLessThanOrEqual(3);
          return measureProsody(wav.samples, wav.sampleRate);
        }),
      );
    const angry = await measureAll('Angry', [1, 2, 3]);
    const sad = await measureAll('Sad', [4, 5, 6]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Speech, not noise: most speech frames are voiced.
    for (const m of [...angry, ...sad]) expect(m.voicedFraction).toBeGreaterThan(0.5);
    expect(12 * Math.log2(mean(angry.map((m) => m.meanF0Hz)) / mean(sad.map((m) => m.meanF0Hz)))).toBeGreaterThan(2);
    expect(mean(angry.map((m) => m.levelDb)) - mean(sad.map((m) => m.levelDb))).toBeGreaterThan(6);
    // Same sentences in both emotions, spoken faster when angry.
    expect(mean(angry.map((m) => m.durationSeconds))).toBeLessThan(mean(sad.map((m) => m.durationSeconds)));
  });

  it('does not use espeak-ng when useEspeak is false, even where it is installed', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'demo-corpus-espeak-'));
    dirs.push(outDir);
    const result = await generateDemoCorpus({ outDir, speakers: 1, utterancesPerEmotion: 1, emotions: ['neutral'], useEspeak: false });
    expect(result.engine).toBe('source-filter');
  });
});
