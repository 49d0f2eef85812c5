import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWav } from '@ser/audio';
import { CORPUS_INFO_FILE, generateDemoCorpus } from './generate';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-corpus-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function listWavs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .filter((p) => p.endsWith('.wav'))
    .map((p) => p.split('\\').join('/'))
    .sort();
}

describe('generateDemoCorpus (source-filter voice)', () => {
  it('writes <Emotion>/<speaker>_<gender>_<nnn>.wav for every speaker, emotion and utterance, and a manifest of them', async () => {
    const outDir = await tempDir();
    const progress: number[] = [];
    const result = await generateDemoCorpus({ outDir, speakers: 2, utterancesPerEmotion: 2, useEspeak: false, onProgress: (done) => progress.push(done) });

    expect(result).toEqual({ files: 16, manifestPath: join(outDir, 'manifest.csv'), outDir, engine: 'source-filter' });
    const expected = ['Angry', 'Happy', 'Sad', 'Neutral'].flatMap((folder, e) =>
      ['spk01_male', 'spk02_female'].flatMap((speaker) => [1, 2].map((k) => `${folder}/${speaker}_${String(e * 2 + k).padStart(3, '0')}.wav`)),
    );
    expect(await listWavs(outDir)).toEqual([...expected].sort());
    expect(progress).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));

    const lines = (await readFile(result.manifestPath, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('path,label,speaker,gender');
    expect(lines.slice(1).sort()).toEqual(
      expected
        .map((path) => {
          const [folder, name] = path.split('/') as [string, string];
          const [speaker, gender] = name.split('_') as [string, string];
          return `${path},${folder.toLowerCase()},${speaker},${gender}`;
        })
        .sort(),
    );
    const info = JSON.parse(await readFile(join(outDir, CORPUS_INFO_FILE), 'utf8'));
    expect(info).toMatchObject({ engine: 'source-filter', seed: 1, sampleRate: 16000, utterancesPerEmotion: 2 });
    expect(info.speakers).toHaveLength(2);
  });

  it('writes mono 16-bit 16 kHz WAVs of 1-3 s with silence at both ends', async () => {
    const outDir = await tempDir();
    await generateDemoCorpus({ outDir, speakers: 2, utterancesPerEmotion: 2, useEspeak: false });
    for (const path of await listWavs(outDir)) {
      const wav = decodeWav(await readFile(join(outDir, path)));
      expect(wav).toMatchObject({ sampleRate: 16000, channels: 1, encoding: 'pcm16', truncated: false });
      const seconds = wav.samples.length / wav.sampleRate;
      expect(seconds).toBeGreaterThanOrEqual(1.0);
      expect(seconds).toBeLessThanOrEqual(3.0);
      const peak = (from: number, to: number) => wav.samples.subarray(from, to).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      const edge = Math.round(0.1 * wav.sampleRate); // the shortest silence is 0.12 s
      expect(peak(0, edge)).toBeLessThan(0.01);
      expect(peak(wav.samples.length - edge, wav.samples.length)).toBeLessThan(0.01);
      expect(peak(0, wav.samples.length)).toBeGreaterThan(0.05);
    }
  });

  it('is deterministic: the same seed gives identical bytes, another seed different audio', async () => {
    const options = { speakers: 2, utterancesPerEmotion: 1, useEspeak: false as const };
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    await generateDemoCorpus({ ...options, outDir: a, seed: 7 });
    await generateDemoCorpus({ ...options, outDir: b, seed: 7, concurrency: 1 });
    await generateDemoCorpus({ ...options, outDir: c, seed: 8 });
    const files = await listWavs(a);
    expect(files).toHaveLength(8);
    for (const path of files) {
      const bytesA = await readFile(join(a, path));
      expect(bytesA.equals(await readFile(join(b, path))), path).toBe(true);
      expect(bytesA.equals(await readFile(join(c, path))), path).toBe(false);
    }
    expect(await readFile(join(a, 'manifest.csv'), 'utf8')).toBe(await readFile(join(b, 'manifest.csv'), 'utf8'));
  });

  it('gives an emotion the same audio whether or not other emotions are generated', async () => {
    const [all, sadOnly] = [await tempDir(), await tempDir()];
    await generateDemoCorpus({ outDir: all, speakers: 1, utterancesPerEmotion: 1, useEspeak: false });
    await generateDemoCorpus({ outDir: sadOnly, speakers: 1, utterancesPerEmotion: 1, useEspeak: false, emotions: ['sad'] });
    // File numbers follow the emotion's position in the list; the audio follows its identity.
    const together = await readFile(join(all, 'Sad/spk01_male_003.wav'));
    expect(together.equals(await readFile(join(sadOnly, 'Sad/spk01_male_001.wav')))).toBe(true);
  });

  it('writes other sample rates when asked', async () => {
    const outDir = await tempDir();
    await generateDemoCorpus({ outDir, speakers: 1, utterancesPerEmotion: 1, emotions: ['neutral'], sampleRate: 22050, useEspeak: false });
    const wav = decodeWav(await readFile(join(outDir, 'Neutral/spk01_male_001.wav')));
    expect(wav.sampleRate).toBe(22050);
  });

  it('refuses unknown emotions, repeats and impossible sizes before writing anything', async () => {
    const outDir = await tempDir();
    await expect(generateDemoCorpus({ outDir, emotions: ['angry', 'bored'] })).rejects.toThrow(/unknown emotion.*bored/);
    await expect(generateDemoCorpus({ outDir, emotions: ['sad', 'sad'] })).rejects.toThrow(/repeats/);
    await expect(generateDemoCorpus({ outDir, utterancesPerEmotion: 0 })).rejects.toThrow(/utterancesPerEmotion/);
    await expect(generateDemoCorpus({ outDir, speakers: 0 })).rejects.toThrow(RangeError);
    await expect(generateDemoCorpus({ outDir, sampleRate: 4000 })).rejects.toThrow(/sampleRate/);
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe('generateDemoCorpus voice choice', () => {
  it("uses the source-filter voice when useEspeak is 'auto' and espeak-ng cannot run", async () => {
    const outDir = await tempDir();
    const result = await generateDemoCorpus({ outDir, speakers: 1, utterancesPerEmotion: 1, espeakCommand: join(outDir, 'no-such-espeak') });
    expect(result.engine).toBe('source-filter');
    expect(await listWavs(outDir)).toHaveLength(4);
  });

  it('fails when useEspeak is true and espeak-ng cannot run', async () => {
    const outDir = await tempDir();
    await expect(generateDemoCorpus({ outDir, useEspeak: true, espeakCommand: join(outDir, 'no-such-espeak') })).rejects.toThrow(/does not run/);
  });
});
