import { afterEach, describe, expect, it } from 'vitest';
import { CorpusLayoutError } from '../manifest';
import { importCorpus } from '../scan-corpus';
import { TinyCorpora, writeText, writeWav } from '../testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

/** An EmoEvaluation file as the release writes it: evaluator lines around each utterance line. */
function emoEvaluation(lines: Array<[utterance: string, label: string]>): string {
  const body = lines.map(([utt, label], i) =>
    [`[${i * 3}.0100 - ${i * 3 + 2}.5000]\t${utt}\t${label}\t[2.5000, 3.0000, 2.5000]`, `C-E2:\tNeutral;\t()`, `A-E3:\tval 3; act 2; dom  2;\t()`, ''].join(
      '\n',
    ),
  );
  return `% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n${body.join('\n')}`;
}

async function tinyIemocap(): Promise<string> {
  const root = await corpora.root('iemocap');
  const s1 = 'Session1/sentences/wav/Ses01F_impro01';
  const utterances1 = ['F000', 'F001', 'F002', 'M000', 'M001', 'M002'];
  for (const [i, u] of utterances1.entries()) await writeWav(root, `${s1}/Ses01F_impro01_${u}.wav`, i);
  await writeText(root, `${s1}/._Ses01F_impro01_F000.wav`, 'macOS resource fork'); // hidden: ignored
  await writeText(
    root,
    'Session1/dialog/EmoEvaluation/Ses01F_impro01.txt',
    emoEvaluation([
      ['Ses01F_impro01_F000', 'neu'],
      ['Ses01F_impro01_F001', 'hap'],
      ['Ses01F_impro01_F002', 'xxx'],
      ['Ses01F_impro01_M000', 'exc'],
      ['Ses01F_impro01_M001', 'fru'],
    ]),
  );
  // Per-evaluator files in subfolders use another format and must not override the majority label.
  await writeText(root, 'Session1/dialog/EmoEvaluation/Categorical/Ses01F_impro01_e1_cat.txt', 'Ses01F_impro01_F000 :Anger; ()\n');
  const s2 = 'Session2/sentences/wav/Ses02M_script01_1';
  await writeWav(root, `${s2}/Ses02M_script01_1_F000.wav`, 10);
  await writeWav(root, `${s2}/Ses02M_script01_1_M003.wav`, 11);
  await writeText(
    root,
    'Session2/dialog/EmoEvaluation/Ses02M_script01_1.txt',
    emoEvaluation([
      ['Ses02M_script01_1_F000', 'ang'],
      ['Ses02M_script01_1_M003', 'sad'],
    ]),
  );
  return root;
}

describe('IEMOCAP importer', () => {
  it('applies the 4-class protocol with speakers, genders and sessions from the utterance ids', async () => {
    const manifest = await importCorpus(await tinyIemocap(), { format: 'iemocap' });
    expect(manifest.entries.map((e) => [e.utteranceId, e.rawLabel, e.label, e.speaker, e.gender, e.session])).toEqual([
      ['Ses01F_impro01_F000', 'neu', 'neutral', 'Ses01F', 'female', 'Session1'],
      ['Ses01F_impro01_F001', 'hap', 'happy', 'Ses01F', 'female', 'Session1'],
      ['Ses01F_impro01_M000', 'exc', 'happy', 'Ses01M', 'male', 'Session1'],
      ['Ses02M_script01_1_F000', 'ang', 'angry', 'Ses02F', 'female', 'Session2'],
      ['Ses02M_script01_1_M003', 'sad', 'sad', 'Ses02M', 'male', 'Session2'],
    ]);
    expect(manifest.entries[0]!.path).toBe('Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav');
    expect(manifest.skipped).toEqual([
      { path: 'Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F002.wav', reason: 'no majority label' },
      { path: 'Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_M001.wav', reason: 'label not in protocol' },
      { path: 'Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_M002.wav', reason: 'no label found' },
    ]);
  });

  it('lets a label map choose another protocol, but never keeps utterances without a majority label', async () => {
    const labelMap = { ang: 'angry', hap: 'happy', exc: 'happy', sad: 'sad', neu: 'neutral', fru: 'frustrated', xxx: 'other' };
    const manifest = await importCorpus(await tinyIemocap(), { format: 'iemocap', labelMap });
    expect(manifest.entries.find((e) => e.utteranceId === 'Ses01F_impro01_M001')?.label).toBe('frustrated');
    expect(manifest.entries.some((e) => e.utteranceId === 'Ses01F_impro01_F002')).toBe(false);
    expect(manifest.skipped.map((s) => s.reason)).toEqual(['no majority label', 'no label found']);
  });

  it('refuses a root without Session folders', async () => {
    const root = await corpora.root('not-iemocap');
    await writeWav(root, 'a.wav');
    await expect(importCorpus(root, { format: 'iemocap' })).rejects.toThrow(CorpusLayoutError);
  });
});
