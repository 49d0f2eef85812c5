import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResults } from '@ser/experiments';
import { SPEAKERS, writeFourSpeakerCorpus } from '../classifier/four-speaker-corpus';
import { ingestCorpora, ser } from '../experiments/prepare-data';

// `ser train --protocol cross-corpus` end to end on generated audio: trained on one corpus, tested on another whose
// clips are the same tones under other speakers' names, so a model that maps labels by name scores near 100 % and
// any mix of the two sides or mis-mapped label shows in the folds, the counts or the confusion matrix.
// URDU names speakers S<gender><id>: another corpus's speakers get other ids (SM1 -> SM11).
const renamed = (name: string, offset: number) => name.replace(/^(S[MF])(\d+)/, (_, g: string, id: string) => `${g}${Number(id) + offset}`);
const OTHER = SPEAKERS.map((s) => renamed(s, 10)).sort();

/** A copy of an URDU-layout corpus with each speaker renamed, leaving out `skip` emotion folders. */
function copyCorpus(from: string, to: string, offset: number, skip: string[] = []): void {
  for (const emotion of readdirSync(from).filter((e) => !skip.includes(e))) {
    mkdirSync(join(to, emotion), { recursive: true });
    for (const file of readdirSync(join(from, emotion))) cpSync(join(from, emotion, file), join(to, emotion, renamed(file, offset)));
  }
}

interface FoldRecord {
  trainSpeakers: string[];
  testSpeakers: string[];
  counts: { train: number; validation: number; test: number };
}

describe('ser train --protocol cross-corpus', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-cross-corpus-'));
    const [a, source, b, three] = ['a', 'b-source', 'b', 'three'].map((n) => join(dataDir, 'corpora', n));
    mkdirSync(a!, { recursive: true });
    await writeFourSpeakerCorpus(a!, 2);
    // The same tones 20 ms longer: other files, so no utterance of B can pass for one of A.
    mkdirSync(source!, { recursive: true });
    await writeFourSpeakerCorpus(source!, 2, 0.62);
    copyCorpus(source!, b!, 10);
    copyCorpus(a!, three!, 20, ['Sad']);
    await ingestCorpora(dataDir, { 'voices-a': a!, 'voices-b': b!, 'voices-three': three! });
  }, 300_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('trains on one corpus only and tests on every utterance of the other, labels matched by name', async () => {
    const out = join(dataDir, 'a-to-b');
    const r = await ser([
      'train',
      '--dataset',
      'voices-a',
      '--protocol',
      'cross-corpus',
      '--test-dataset',
      'voices-b',
      '--smoke',
      '--out',
      out,
      '--data-dir',
      dataDir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/registered voices-a-emotion version 1: .*tested on voices-b/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    const test = results.crossCorpus!.test[0]!;
    expect(test.name).toBe('voices-b');
    expect(results.pretraining.map((p) => p.datasetName)).toEqual(['voices-a']); // the FOP never heard the test corpus
    expect(readFileSync(join(out, 'results.md'), 'utf8')).toContain('- Tested on `voices-b`');
    for (const cell of results.cells) {
      expect(cell.status, cell.error).toBe('succeeded');
      expect(cell.config.protocol).toEqual({ kind: 'cross-corpus', testDatasets: [test.versionId] });
      const evaluation = JSON.parse(readFileSync(join(dataDir, 'artifacts', 'evaluations', `${cell.runId}.json`), 'utf8')) as { folds: FoldRecord[] };
      expect(evaluation.folds).toHaveLength(1);
      const [fold] = evaluation.folds;
      expect(fold!.testSpeakers).toEqual(OTHER);
      expect(fold!.trainSpeakers).toEqual([...SPEAKERS].sort());
      expect(fold!.counts).toMatchObject({ train: 32, test: 32 });
      // Every test class's row holds its 8 clips, and the same tones as in training are recognised: a permuted
      // label mapping would leave the diagonal nearly empty.
      const { labels, counts } = cell.confusion!;
      expect(labels).toEqual(['angry', 'happy', 'neutral', 'sad']);
      const row = (t: number) => counts.slice(t * 4, t * 4 + 4);
      expect(labels.map((_, t) => row(t).reduce((x, y) => x + y, 0))).toEqual([8, 8, 8, 8]);
      if (cell.row === 'baseline') expect(labels.map((_, t) => row(t)[t] ?? 0).reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(24);
    }
  }, 900_000);

  it('refuses corpora whose classes differ before training anything (exit 1), and bad options (exit 2)', async () => {
    const differ = await ser([
      'train',
      '--dataset',
      'voices-a',
      '--protocol',
      'cross-corpus',
      '--test-dataset',
      'voices-three',
      '--smoke',
      '--data-dir',
      dataDir,
    ]);
    expect(differ.code).toBe(1);
    expect(differ.stderr).toContain("'voices-a' has classes sad that 'voices-three' lacks");
    expect(differ.stderr).not.toContain('pre-training on');
    const usage: [string[], RegExp][] = [
      [['--protocol', 'cross-corpus'], /needs --test-dataset/],
      [['--protocol', 'cross-corpus', '--test-dataset', 'voices-a'], /must differ from the dataset trained on/],
      [['--protocol', 'speaker-holdout', '--test-dataset', 'voices-b'], /--test-dataset is for the cross-corpus protocol/],
      [['--protocol', 'cross-corpus', '--test-dataset', 'voices-b', '--folds', '3'], /--folds is for the leave-speakers-out protocol/],
    ];
    for (const [args, message] of usage) {
      const r = await ser(['train', '--dataset', 'voices-a', ...args, '--data-dir', dataDir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const experiment = await ser([
      'experiment',
      'fop-table2',
      '--dataset',
      'voices-a+voices-b',
      '--pretrain',
      'voices-a',
      '--protocol',
      'speaker-holdout',
      '--data-dir',
      dataDir,
    ]);
    expect(experiment.code).toBe(2);
    expect(experiment.stderr).toMatch(/trains on one dataset/);
  }, 600_000);
});
