import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusLayoutError } from '../manifest';
import { importCorpus } from '../scan-corpus';
import { TinyCorpora, writeText, writeWav } from '../testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

/** A root with audio/ and a manifest in meta/, plus a wav in a sibling folder outside the root. */
async function corpusWithOutsideFile() {
  const root = await corpora.root('manifest');
  const outside = await corpora.root('outside');
  await writeWav(root, 'audio/a.wav', 1);
  await writeWav(root, 'audio/b c.wav', 2);
  await writeWav(root, 'audio/d.flac', 3);
  await writeWav(root, 'audio/e.wav', 4);
  await writeText(root, 'audio/notes.txt', 'not audio');
  await mkdir(join(root, 'audio/folder.wav'));
  await writeWav(outside, 'secret.wav', 9);
  return { root, outside };
}

describe('manifest importer (CSV)', () => {
  it('reads paths relative to the manifest folder, optional columns and normalises labels', async () => {
    const { root, outside } = await corpusWithOutsideFile();
    const csv = [
      'path,label,speaker,session,split,gender',
      '../audio/a.wav,ang,s1,day1,train,F',
      '"../audio/b c.wav",Happiness,s2,,test,male',
      `${join(root, 'audio/d.flac')},frustrated,s2,,,`,
      '../audio/e.wav,,,,,',
      `../../${outside.split('/').pop()}/secret.wav,sad,s9,,,`,
      `${join(outside, 'secret.wav')},sad,s9,,,`,
      '../audio/missing.wav,sad,s3,,,',
      '../audio/notes.txt,sad,s3,,,',
      '../audio/folder.wav,sad,s3,,,',
      '../audio/a.wav,sad,s3,,,unknown-gender',
      ',sad,s3,,,',
    ].join('\n');
    await writeText(root, 'meta/list.csv', `${csv}\n`);
    const manifest = await importCorpus(root, { format: 'manifest', manifestFile: 'meta/list.csv' });
    expect(manifest.entries).toMatchObject([
      { path: 'audio/a.wav', utteranceId: 'audio/a', rawLabel: 'ang', label: 'angry', speaker: 's1', session: 'day1', split: 'train', gender: 'female' },
      { path: 'audio/b c.wav', label: 'happy', speaker: 's2', session: null, split: 'test', gender: 'male' },
      { path: 'audio/d.flac', label: 'frustrated', gender: null },
      { path: 'audio/e.wav', rawLabel: null, label: null, speaker: null },
    ]);
    expect(manifest.entries[2]).not.toHaveProperty('split');
    expect(manifest.entries[2]).not.toHaveProperty('durationSeconds'); // only WAV headers are peeked
    expect(manifest.skipped).toEqual([
      { path: `../../${outside.split('/').pop()}/secret.wav`, reason: 'outside corpus root' },
      { path: join(outside, 'secret.wav'), reason: 'outside corpus root' },
      { path: 'audio/missing.wav', reason: 'file not found' },
      { path: 'audio/notes.txt', reason: 'unsupported audio format' },
      { path: 'audio/folder.wav', reason: 'not a regular file' },
      { path: 'meta/list.csv:11', reason: 'invalid manifest row' },
      { path: 'meta/list.csv:12', reason: 'invalid manifest row' },
    ]);
  });

  it('skips a second row with the same utterance id', async () => {
    const { root } = await corpusWithOutsideFile();
    await writeText(root, 'manifest.csv', 'utterance_id,path,label\nu1,audio/a.wav,sad\nu1,audio/e.wav,sad\n');
    const manifest = await importCorpus(root, { format: 'manifest' });
    expect(manifest.entries.map((e) => [e.utteranceId, e.path])).toEqual([['u1', 'audio/a.wav']]);
    expect(manifest.skipped).toEqual([{ path: 'audio/e.wav', reason: 'duplicate utterance id' }]);
  });

  it('refuses a CSV without a path column and a root without a manifest', async () => {
    const { root } = await corpusWithOutsideFile();
    await expect(importCorpus(root, { format: 'manifest' })).rejects.toThrow(CorpusLayoutError);
    await writeText(root, 'manifest.csv', 'file_name,label\na.wav,sad\n');
    await expect(importCorpus(root, { format: 'manifest' })).rejects.toThrow(/no "path" column/);
  });
});

describe('manifest importer (JSONL)', () => {
  it('reads one object per line, found as manifest.jsonl by default, and skips broken lines', async () => {
    const { root } = await corpusWithOutsideFile();
    const lines = [
      JSON.stringify({ path: 'audio/a.wav', label: 'neutral', speaker: 'p1', gender: 'female', split: 'dev' }),
      JSON.stringify({ path: 'audio/e.wav', label: null }),
      '{"path": "audio/b c.wav", "label": ',
      JSON.stringify({ path: 'audio/b c.wav', label: 3 }),
      JSON.stringify({ path: '../escape.wav', label: 'sad' }),
      '',
      JSON.stringify({ path: 'audio/b c.wav', label: 'SAD' }),
    ];
    await writeText(root, 'manifest.jsonl', `${lines.join('\n')}\n`);
    const manifest = await importCorpus(root, { format: 'manifest', labelMap: { neutral: 'neutral', sad: 'sad' } });
    expect(manifest.entries.map((e) => [e.path, e.label, e.speaker, e.gender, e.split])).toEqual([
      ['audio/a.wav', 'neutral', 'p1', 'female', 'dev'],
      ['audio/e.wav', null, null, null, undefined],
      ['audio/b c.wav', 'sad', null, null, undefined],
    ]);
    expect(manifest.skipped).toEqual([
      { path: 'manifest.jsonl:3', reason: 'invalid manifest row' },
      { path: 'manifest.jsonl:4', reason: 'invalid manifest row' },
      { path: '../escape.wav', reason: 'outside corpus root' },
    ]);
  });
});
