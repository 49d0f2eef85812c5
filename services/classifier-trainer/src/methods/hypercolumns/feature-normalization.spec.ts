import { createClassicalClassifier, loadClassicalClassifier } from '@ser/classical';
import type { EvaluationItem } from '@ser/evaluation';
import { describe, expect, it } from 'vitest';
import { hypercolumnRunConfigSchema, type HypercolumnRunConfig } from '../../run/classifier-config';
import { normalizationLimits, normalizedRows, servedClassifier } from './feature-normalization';

const config = (extra: object = {}): HypercolumnRunConfig =>
  hypercolumnRunConfigSchema.parse({
    method: 'fop-hypercolumns',
    datasetVersionId: 'dv',
    representation: 'F',
    classifier: 'svm',
    pooling: 'mean-std',
    ...extra,
  });

const item = (id: string, dataset: string, speaker: string): EvaluationItem => ({ utteranceId: id, label: 'a', speaker, session: '', dataset });

// Two corpora that both name a speaker "01": per-speaker groups must not merge them.
const items = [
  item('u1', 'urdu', '01'),
  item('u2', 'urdu', '01'),
  item('u3', 'urdu', '02'),
  item('u4', 'urdu', '02'),
  item('r1', 'ravdess', '01'),
  item('r2', 'ravdess', '01'),
];
const rows = [[1], [3], [10], [30], [100], [300]].map((r) => Float32Array.from(r));

describe('normalizedRows', () => {
  it('reads the rows untouched when nothing is asked or none (byte-identical to before the option)', () => {
    expect(normalizedRows(config(), items, rows)).toBe(rows);
    expect(normalizedRows(config({ normalize: 'none' }), items, rows)).toBe(rows);
  });

  it('per-corpus: z-scores each dataset with its own statistics', () => {
    const out = normalizedRows(config({ normalize: 'per-corpus' }), items, rows).map((r) => r[0]!);
    expect(out.slice(4)).toEqual([-1, 1]); // ravdess alone
    const urdu = out.slice(0, 4);
    expect(urdu.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(urdu[0]).toBeLessThan(urdu[1]!); // one group, not two speakers: 1 and 3 stay apart from 10 and 30
    expect(urdu[1]).toBeLessThan(0);
  });

  it('per-speaker: z-scores each speaker of each dataset with its own statistics', () => {
    expect(normalizedRows(config({ normalize: 'per-speaker' }), items, rows).map((r) => r[0]!)).toEqual([-1, 1, -1, 1, -1, 1]);
  });
});

describe('the kept model and its card', () => {
  const X = [
    [0, 5],
    [1, 6],
    [10, 5],
    [11, 6],
  ].map((r) => Float32Array.from(r));
  const y = [0, 0, 1, 1];

  it('serves raw clips as the evaluated model read the training corpus when normalised per corpus', () => {
    const normalise = config({ normalize: 'per-corpus' });
    const train = X.map((_, i) => item(`t${i}`, 'urdu', `${i}`));
    const svm = createClassicalClassifier({ kind: 'svm', kernel: 'rbf', C: 1 });
    svm.fit(normalizedRows(normalise, train, X), y);
    const served = loadClassicalClassifier(servedClassifier(normalise, svm.toJSON(), X));
    expect(served.predict(X)).toEqual(svm.predict(normalizedRows(normalise, train, X)));
    expect(servedClassifier(config(), svm.toJSON(), X)).toEqual(svm.toJSON()); // none: kept as trained
    svm.dispose();
    served.dispose();
  });

  it('puts on the model card what normalising meant and what serving does instead; nothing without it', () => {
    expect(normalizationLimits(config())).toEqual([]);
    expect(normalizationLimits(config({ normalize: 'none' }))).toEqual([]);
    const [limit] = normalizationLimits(config({ normalize: 'per-corpus' }));
    expect(limit).toMatch(/measured with per-corpus feature normalisation/);
    expect(limit).toMatch(/served model .* training data's statistics/);
    expect(normalizationLimits(config({ normalize: 'per-speaker' }))[0]).toMatch(/each test speaker's features/);
  });
});
