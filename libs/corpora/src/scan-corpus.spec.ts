import { createHash } from 'node:crypto';
import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus, scanCorpus, type ImportOptions } from './scan-corpus';
import { TinyCorpora, writeText, writeWav } from './testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

describe('scanCorpus / importCorpus', () => {
  it('hashes the file bytes with sha256 and reads the WAV duration from the header', async () => {
    const root = await corpora.root('hash');
    await writeWav(root, 'Angry/SM1_F1_A01.wav', 1, 0.25);
    const [entry] = (await importCorpus(root, { format: 'urdu' })).entries;
    const expected = createHash('sha256')
      .update(await readFile(join(root, 'Angry/SM1_F1_A01.wav')))
      .digest('hex');
    expect(entry?.contentHash).toBe(expected);
    expect(entry?.durationSeconds).toBeCloseTo(0.25, 9);
  });

  it('refuses symlinks that lead outside the root and keeps those that stay inside', async () => {
    const root = await corpora.root('links');
    const outside = await corpora.root('elsewhere');
    await writeWav(root, 'p1/own.wav', 1);
    await writeWav(outside, 'p9/stolen.wav', 2);
    await symlink(join(outside, 'p9/stolen.wav'), join(root, 'p1/link-out.wav'));
    await symlink(join(outside, 'p9'), join(root, 'p9'));
    await symlink(join(root, 'p1/own.wav'), join(root, 'p1/link-in.wav'));
    await symlink(join(root, 'p1'), join(root, 'p2')); // a directory link inside: not walked twice
    const manifest = await importCorpus(root, { format: 'unlabelled' });
    expect(manifest.entries.map((e) => e.path)).toEqual(['p1/link-in.wav', 'p1/own.wav']);
    expect(manifest.skipped).toEqual([
      { path: 'p1/link-out.wav', reason: 'outside corpus root' },
      { path: 'p9', reason: 'outside corpus root' },
    ]);
  });

  it('refuses a manifest row whose file is a symlink leading outside the root', async () => {
    const root = await corpora.root('manifest-link');
    const outside = await corpora.root('elsewhere');
    await writeWav(outside, 'stolen.wav', 2);
    await writeWav(root, 'own.wav', 1);
    await symlink(join(outside, 'stolen.wav'), join(root, 'innocent.wav'));
    await writeText(root, 'manifest.csv', 'path,label\nown.wav,sad\ninnocent.wav,sad\n');
    const manifest = await importCorpus(root, { format: 'manifest' });
    expect(manifest.entries.map((e) => e.path)).toEqual(['own.wav']);
    expect(manifest.skipped).toEqual([{ path: 'innocent.wav', reason: 'outside corpus root' }]);
  });

  it('reports progress from 0 to the number of files, one step per file', async () => {
    const root = await corpora.root('progress');
    for (let i = 0; i < 4; i++) await writeWav(root, `s/u${i}.wav`, i);
    await writeWav(root, 'bad name.wav', 9);
    const calls: Array<[number, number]> = [];
    await importCorpus(root, { format: 'ravdess', onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [0, 5],
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('streams items lazily: a consumer may stop after the first one', async () => {
    const root = await corpora.root('lazy');
    for (let i = 0; i < 3; i++) await writeWav(root, `s/u${i}.wav`, i);
    let seen = 0;
    const options: ImportOptions = { format: 'unlabelled', onProgress: (done) => (seen = done) };
    for await (const item of scanCorpus(root, options)) {
      expect(item).toMatchObject({ kind: 'entry', entry: { path: 's/u0.wav' } });
      break;
    }
    expect(seen).toBe(1);
  });

  it('rejects an unknown format and a missing root', async () => {
    const root = await corpora.root('format');
    await expect(importCorpus(root, { format: 'timit' as never })).rejects.toThrow(/unknown corpus format "timit"/);
    await expect(importCorpus(join(root, 'absent'), { format: 'unlabelled' })).rejects.toThrow(/ENOENT/);
  });
});
