import { describe, expect, it } from 'vitest';
import { createClassicalClassifier, loadClassicalClassifier, type ClassicalClassifierConfig } from './classifier';
import { foldStandardization, standardizeByGroup } from './group-standardization';
import { Standardizer } from './standardizer';
import { accuracy, gaussianBlobs } from './toy-data';

const CENTERS = [
  [0, 0, 0],
  [2, 2, 2],
];

/** A "corpus": the two classes' blobs, every feature shifted by `offset` and scaled by `scale` (another channel). */
function corpus(seed: number, offset: number, scale: number) {
  const { X, y } = gaussianBlobs({ centers: CENTERS, perClass: 60, spread: 0.5, seed });
  return { X: X.map((row) => row.map((v) => scale * v + offset)), y };
}

const configs: ClassicalClassifierConfig[] = [
  { kind: 'svm', kernel: 'rbf', C: 1 },
  { kind: 'random-forest', nEstimators: 20, seed: 3 },
];

describe('standardizeByGroup', () => {
  it('z-scores each group with its own statistics and keeps the row order', () => {
    const X = [[1], [10], [3], [30], [5]];
    const out = standardizeByGroup(X, ['a', 'b', 'a', 'b', 'a']);
    const a = Math.sqrt(8 / 3);
    expect(out.map((r) => r[0]!)).toEqual([-2 / a, -1, 0, 1, 2 / a]);
  });

  it('refuses a group list of another length', () => {
    expect(() => standardizeByGroup([[1], [2]], ['a'])).toThrow(/1 group names for 2 rows/);
  });

  it.each(configs)('$kind: a test corpus off by an offset is one class without it, recognised with it', (config) => {
    const train = corpus(1, 0, 1);
    const test = corpus(2, 8, 1.5);
    const raw = createClassicalClassifier(config);
    raw.fit(train.X, train.y);
    const rawPredicted = raw.predict(test.X);
    expect(new Set(rawPredicted).size).toBe(1); // the whole shifted corpus lands on one side
    expect(accuracy(rawPredicted, test.y)).toBe(0.5);

    // Per corpus: the training corpus with its statistics, the test corpus with its own (no labels read).
    const normalised = createClassicalClassifier(config);
    normalised.fit(
      standardizeByGroup(
        train.X,
        train.X.map(() => 'train-corpus'),
      ),
      train.y,
    );
    const predicted = normalised.predict(
      standardizeByGroup(
        test.X,
        test.X.map(() => 'test-corpus'),
      ),
    );
    expect(accuracy(predicted, test.y)).toBeGreaterThan(0.9);
    raw.dispose();
    normalised.dispose();
  });
});

describe('foldStandardization', () => {
  it.each([...configs, { kind: 'svm', kernel: 'rbf', C: 1, probability: true } as ClassicalClassifierConfig])(
    '$kind: the folded model on raw rows says what the model says on z-scored rows',
    (config) => {
      const train = corpus(3, 5, 2);
      const stats = Standardizer.fit(train.X);
      const classifier = createClassicalClassifier(config);
      classifier.fit(stats.transform(train.X), train.y);
      const probe = corpus(4, 5, 2.5).X;
      const folded = loadClassicalClassifier(JSON.parse(JSON.stringify(foldStandardization(classifier.toJSON(), stats.toJSON()))));
      expect(folded.predict(probe)).toEqual(classifier.predict(stats.transform(probe)));
      const expected = classifier.predictProbability(stats.transform(probe));
      const got = folded.predictProbability(probe);
      if (expected === null) expect(got).toBeNull();
      else got!.flat().forEach((p, i) => expect(p).toBeCloseTo(expected.flat()[i]!, 9));
      // Without folding, the same raw rows are read on the wrong scale: the check above is not vacuous.
      expect(classifier.predict(probe)).not.toEqual(classifier.predict(stats.transform(probe)));
      classifier.dispose();
      folded.dispose();
    },
  );

  it('refuses statistics of another width', () => {
    const train = corpus(5, 0, 1);
    const svm = createClassicalClassifier({ kind: 'svm', kernel: 'rbf', C: 1 });
    svm.fit(train.X, train.y);
    expect(() => foldStandardization(svm.toJSON(), { mean: [0], std: [1] })).toThrow(/reads 3 features, statistics have 1/);
    svm.dispose();
  });
});
