import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classCounts, manifestVersion, speakerCounts } from './dataset-version';
import type { ManifestEntry } from './manifest';
import { importCorpus } from './scan-corpus';
import { TinyCorpora, writeWav } from './testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

const FILES: Array<[path: string, seed: number]> = [
  ['Angry/SM1_F1_A01.wav', 1],
  ['Angry/SF2_F1_A01.wav', 2],
  ['Sad/SM1_F2_S01.wav', 3],
  ['Neutral/SM3_F1_N01.wav', 4],
];

async function urduCopy(order: Array<[string, number]>): Promise<string> {
  const root = await corpora.root('version');
  for (const [path, seed] of order) await writeWav(root, path, seed);
  return root;
}

describe('manifestVersion', () => {
  it('is the same for the same content written in another order under another root', async () => {
    const first = await importCorpus(await urduCopy(FILES), { format: 'urdu' });
    const second = await importCorpus(await urduCopy([...FILES].reverse()), { format: 'urdu' });
    expect(first.root).not.toBe(second.root);
    expect(manifestVersion(second)).toBe(manifestVersion(first));
    expect(manifestVersion({ entries: [...first.entries].reverse() })).toBe(manifestVersion(first));
    expect(manifestVersion(first)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when one file changes, a label changes or an utterance goes', async () => {
    const root = await urduCopy(FILES);
    const before = manifestVersion(await importCorpus(root, { format: 'urdu' }));
    await writeWav(root, 'Sad/SM1_F2_S01.wav', 30);
    const edited = manifestVersion(await importCorpus(root, { format: 'urdu' }));
    expect(edited).not.toBe(before);
    await rename(join(root, 'Sad/SM1_F2_S01.wav'), join(root, 'Neutral/SM1_F2_S01.wav'));
    const relabelled = await importCorpus(root, { format: 'urdu' });
    expect(manifestVersion(relabelled)).not.toBe(edited);
    expect(manifestVersion({ entries: relabelled.entries.slice(1) })).not.toBe(manifestVersion(relabelled));
  });

  it('ignores fields that do not change what a model learns (path, duration, gender)', () => {
    const entry: ManifestEntry = {
      utteranceId: 'u1',
      path: 'a/u1.wav',
      label: 'sad',
      rawLabel: 'T',
      speaker: '03',
      session: null,
      gender: 'male',
      contentHash: 'ab',
    };
    const moved = { ...entry, path: 'b/u1.wav', durationSeconds: 2 };
    expect(manifestVersion({ entries: [moved] })).toBe(manifestVersion({ entries: [entry] }));
    expect(manifestVersion({ entries: [{ ...entry, session: 'Session1' }] })).not.toBe(manifestVersion({ entries: [entry] }));
  });
});

describe('classCounts / speakerCounts', () => {
  it('counts utterances per label and per speaker, leaving out nulls', async () => {
    const manifest = await importCorpus(await urduCopy(FILES), { format: 'urdu' });
    expect(classCounts(manifest)).toEqual({ angry: 2, neutral: 1, sad: 1 });
    expect(speakerCounts(manifest)).toEqual({ SF2: 1, SM1: 2, SM3: 1 });
    const unlabelled = { entries: manifest.entries.map((e) => ({ ...e, label: null, speaker: null })) };
    expect(classCounts(unlabelled)).toEqual({});
    expect(speakerCounts(unlabelled)).toEqual({});
  });
});
