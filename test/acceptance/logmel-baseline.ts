/**
 * The bar every table must clear (issues 12 and 13): per-band mean and standard deviation of the 80 log-mel bands
 * (the platform's own front end) into an RBF SVM, with C and gamma tuned fairly, by an inner leave-speakers-out
 * search on each fold's training speakers only. Folds are speaker-independent, the same as the tables':
 *
 *   npx tsx test/acceptance/logmel-baseline.ts [--corpus ravdess|urdu] [--folds holdout|groups] [--json OUT]
 *
 * - holdout: the speaker-holdout of test/acceptance/corpus-tables.ts (RAVDESS actors 1-4; URDU's 11 speakers).
 * - groups (RAVDESS only): 6 folds of 4 actors (1-4, 5-8, ..., 21-24: two male, two female each), all 24 tested.
 *
 * The SVM is deterministic, so repeats would repeat the same number; the spread reported is over folds. Log-mel
 * statistics are cached under .data/cache/logmel-baseline. Says so and exits 1 when the corpus is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogMel, decodeAudioFile } from '@ser/audio';
import { searchSvm, trainSvm } from '@ser/classical';
import { importCorpus } from '@ser/corpora';
import { evaluate } from '@ser/evaluation';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const URDU_TEST_SPEAKERS = ['SM1', 'SF6', 'SF7', 'SM20', 'SM3', 'SF9', 'SM23', 'SF11', 'SM27', 'SF10', 'SM26'];
const GRID = { C: [0.1, 1, 10, 100], gammaScale: [0.25, 1, 4] }; // gamma = scale / features (libsvm's default at 1)

interface Utterance {
  speaker: string;
  label: number;
  features: number[]; // 80 means then 80 standard deviations
}

function statistics(data: Float32Array, nMels: number): number[] {
  const frames = data.length / nMels;
  const mean = new Array<number>(nMels).fill(0);
  const square = new Array<number>(nMels).fill(0);
  for (let i = 0; i < data.length; i++) {
    mean[i % nMels]! += data[i]! / frames;
    square[i % nMels]! += (data[i]! * data[i]!) / frames;
  }
  return [...mean, ...mean.map((m, b) => Math.sqrt(Math.max(0, square[b]! - m * m)))];
}

/** The corpus's 4-class utterances through the platform's own importer (RAVDESS restricted to the 4 classes). */
async function listCorpus(corpus: string, root: string): Promise<{ path: string; speaker: string; label: string }[]> {
  const labelMap = Object.fromEntries(CLASSES.map((c) => [c, c]));
  const manifest = await importCorpus(root, { format: corpus as 'ravdess' | 'urdu', labelMap });
  return manifest.entries.map((e) => ({ path: join(root, e.path), speaker: e.speaker!, label: e.label! }));
}

async function loadUtterances(corpus: string, root: string): Promise<Utterance[]> {
  const cache = resolve(`.data/cache/logmel-baseline/${corpus}.json`);
  if (existsSync(cache)) return JSON.parse(await readFile(cache, 'utf8')) as Utterance[];
  const frontEnd = createLogMel();
  const out: Utterance[] = [];
  for (const file of await listCorpus(corpus, root)) {
    const { data, nMels } = frontEnd.compute((await decodeAudioFile(file.path)).samples);
    out.push({ speaker: file.speaker, label: CLASSES.indexOf(file.label), features: statistics(data, nMels) });
    if (out.length % 100 === 0) process.stderr.write(`${out.length} utterances\n`);
  }
  await mkdir(resolve('.data/cache/logmel-baseline'), { recursive: true });
  await writeFile(cache, JSON.stringify(out));
  return out;
}

/** UA of an RBF SVM trained on `train`, tested on `test`. */
function svmUa(train: Utterance[], test: Utterance[], C: number, gammaScale: number): { ua: number; wa: number; predicted: number[] } {
  const dim = train[0]!.features.length;
  const svm = trainSvm(
    train.map((u) => u.features),
    train.map((u) => u.label),
    { kernel: 'rbf', C, gamma: gammaScale / dim },
  );
  try {
    const predicted = svm.predict(test.map((u) => u.features));
    const report = evaluate(
      test.map((u) => CLASSES[u.label]!),
      predicted.map((p) => CLASSES[p]!),
      CLASSES,
    );
    return { ua: report.ua, wa: report.wa, predicted };
  } finally {
    svm.dispose();
  }
}

/** C and gamma by inner leave-speakers-out folds over the training speakers (mean UA), never looking at test. */
function tune(train: Utterance[]): { C: number; gammaScale: number } {
  const dim = train[0]!.features.length;
  const chosen = searchSvm(
    train.map((u) => u.features),
    train.map((u) => u.label),
    train.map((u) => u.speaker),
    { ...GRID, folds: 5 },
  );
  return { C: chosen.C, gammaScale: chosen.gamma * dim };
}

async function main() {
  const { values } = parseArgs({
    options: { corpus: { type: 'string', default: 'ravdess' }, folds: { type: 'string', default: 'groups' }, json: { type: 'string' } },
  });
  const corpus = values.corpus!;
  const root = resolve('../shared/data', corpus);
  if (!['ravdess', 'urdu'].includes(corpus)) throw new Error(`--corpus must be ravdess or urdu, got '${corpus}'`);
  if (!existsSync(root)) {
    console.error(`the ${corpus} corpus is missing: ${root} does not exist (it lives in ../shared/data beside the repository)`);
    process.exit(1);
  }
  const utterances = await loadUtterances(corpus, root);
  const heldOut: string[][] =
    values.folds === 'holdout'
      ? [corpus === 'ravdess' ? ['Actor_01', 'Actor_02', 'Actor_03', 'Actor_04'] : URDU_TEST_SPEAKERS]
      : Array.from({ length: 6 }, (_, f) => [1, 2, 3, 4].map((a) => `Actor_${String(4 * f + a).padStart(2, '0')}`));
  if (values.folds !== 'holdout' && corpus !== 'ravdess') throw new Error('--folds groups is defined for RAVDESS only');
  const folds = heldOut.map((speakers) => {
    const test = utterances.filter((u) => speakers.includes(u.speaker));
    const train = utterances.filter((u) => !speakers.includes(u.speaker));
    const chosen = tune(train);
    const result = svmUa(train, test, chosen.C, chosen.gammaScale);
    console.log(
      `fold ${speakers.join(',')}: ${test.length} test clips, C ${chosen.C}, gamma ${chosen.gammaScale}/d -> UA ${(100 * result.ua).toFixed(1)}, WA ${(100 * result.wa).toFixed(1)}`,
    );
    return { speakers, C: chosen.C, gammaScale: chosen.gammaScale, ua: result.ua, wa: result.wa, test: test.map((u) => u.label), predicted: result.predicted };
  });
  const pooled = evaluate(
    folds.flatMap((f) => f.test.map((l) => CLASSES[l]!)),
    folds.flatMap((f) => f.predicted.map((p) => CLASSES[p]!)),
    CLASSES,
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = (xs: number[]) => (xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)));
  const uas = folds.map((f) => f.ua);
  console.log(
    `${corpus} ${values.folds}: pooled UA ${(100 * pooled.ua).toFixed(1)}, WA ${(100 * pooled.wa).toFixed(1)}, macro-F1 ${(100 * pooled.macroF1).toFixed(1)}; per-fold UA ${(100 * mean(uas)).toFixed(1)} ± ${(100 * std(uas)).toFixed(1)} over ${folds.length} fold(s)`,
  );
  if (values.json)
    await writeFile(
      values.json,
      JSON.stringify({ corpus, folds: values.folds, grid: GRID, pooled, perFold: folds.map(({ test: _t, predicted: _p, ...f }) => f) }, null, 2),
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
