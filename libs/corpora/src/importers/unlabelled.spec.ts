import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../scan-corpus';
import { TinyCorpora, writeBytes, writeText, writeWav } from '../testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

describe('unlabelled importer', () => {
  it('takes every audio file, speaker from the first folder, and skips empty files', async () => {
    const root = await corpora.root('vctk');
    await writeWav(root, 'p225/p225_001.wav', 1);
    await writeBytes(root, 'p225/p225_002.flac', new Uint8Array([0x66, 0x4c, 0x61, 0x43, 1, 2, 3]));
    await writeWav(root, 'p226/deeper/p226_001.wav', 2);
    await writeWav(root, 'loose.wav', 3);
    await writeText(root, 'p225/speaker-info.txt', 'ignored: not audio');
    await writeBytes(root, 'p226/empty.wav', new Uint8Array(0));
    await writeBytes(root, 'p226/header-only.wav', new Uint8Array(44));
    await writeBytes(root, 'p226/empty.mp3', new Uint8Array(0));
    const manifest = await importCorpus(root, { format: 'unlabelled', labelMap: { happy: 'happy' } });
    expect(manifest.entries.map((e) => [e.utteranceId, e.path, e.speaker, e.label, e.rawLabel])).toEqual([
      ['loose', 'loose.wav', null, null, null],
      ['p225/p225_001', 'p225/p225_001.wav', 'p225', null, null],
      ['p225/p225_002', 'p225/p225_002.flac', 'p225', null, null],
      ['p226/deeper/p226_001', 'p226/deeper/p226_001.wav', 'p226', null, null],
    ]);
    expect(manifest.skipped).toEqual([
      { path: 'p226/empty.mp3', reason: 'empty' },
      { path: 'p226/empty.wav', reason: 'empty' },
      { path: 'p226/header-only.wav', reason: 'empty' },
    ]);
  });
});
