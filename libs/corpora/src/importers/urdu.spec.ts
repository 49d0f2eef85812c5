import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { classCounts, manifestVersion, speakerCounts } from '../dataset-version';
import { importCorpus } from '../scan-corpus';
import { TinyCorpora, writeText, writeWav } from '../testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

const SHARED_URDU = fileURLToPath(new URL('../../../../../shared/data/urdu', import.meta.url));

describe('URDU importer', () => {
  it('labels by folder and reads speaker and gender from the file name', async () => {
    const root = await corpora.root('urdu');
    await writeWav(root, 'Angry/SM1_F10_A010.wav', 1);
    await writeWav(root, 'Happy/SM4_F2_H02.wav', 2);
    await writeWav(root, 'Sad/SF3_F1_S01.wav', 3);
    await writeWav(root, 'Neutral/recording.wav', 4);
    await writeWav(root, 'Other/SM1_F1_A01.wav', 5);
    await writeWav(root, 'SM1_F2_A02.wav', 6);
    await writeText(root, 'README.md', '# not audio, ignored');
    const manifest = await importCorpus(root, { format: 'urdu' });
    expect(manifest.entries.map((e) => [e.path, e.label, e.speaker, e.gender])).toEqual([
      ['Angry/SM1_F10_A010.wav', 'angry', 'SM1', 'male'],
      ['Happy/SM4_F2_H02.wav', 'happy', 'SM4', 'male'],
      ['Sad/SF3_F1_S01.wav', 'sad', 'SF3', 'female'],
    ]);
    expect(manifest.skipped).toEqual([
      { path: 'Neutral/recording.wav', reason: 'unrecognised file name' },
      { path: 'Other/SM1_F1_A01.wav', reason: 'unexpected location in corpus layout' },
      { path: 'SM1_F2_A02.wav', reason: 'unexpected location in corpus layout' },
    ]);
  });

  // The real corpus is licensed for research only and lives outside the repository.
  it.runIf(existsSync(SHARED_URDU))('imports the real corpus from ../shared/data/urdu (needs ../shared): 400 utterances, 4 classes', async () => {
    const manifest = await importCorpus(SHARED_URDU, { format: 'urdu' });
    expect(manifest.skipped).toEqual([]);
    expect(manifest.entries).toHaveLength(400);
    expect(classCounts(manifest)).toEqual({ angry: 100, happy: 100, neutral: 100, sad: 100 });
    expect(Object.keys(speakerCounts(manifest))).toHaveLength(29);
    expect(manifest.entries.every((e) => e.gender !== null && (e.durationSeconds ?? 0) > 0.5)).toBe(true);
    expect(manifestVersion(await importCorpus(SHARED_URDU, { format: 'urdu' }))).toBe(manifestVersion(manifest));
  });
});
