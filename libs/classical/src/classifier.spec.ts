import { describe, expect, it } from 'vitest';
import { createClassicalClassifier, loadClassicalClassifier, type ClassicalClassifierConfig } from './classifier';
import { accuracy, gaussianBlobs } from './toy-data';

const configs: ClassicalClassifierConfig[] = [
  { kind: 'svm', kernel: 'rbf', C: 1 },
  { kind: 'random-forest', nEstimators: 20, seed: 3 },
];

describe('createClassicalClassifier', () => {
  const tr = gaussianBlobs({
    centers: [
      [0, 0, 0],
      [3, 3, 3],
      [0, 3, 6],
    ],
    perClass: 50,
    spread: 0.8,
    seed: 1,
  });
  const te = gaussianBlobs({
    centers: [
      [0, 0, 0],
      [3, 3, 3],
      [0, 3, 6],
    ],
    perClass: 50,
    spread: 0.8,
    seed: 2,
  });

  it.each(configs)('$kind: fit / predict through one interface, and reload from JSON', (config) => {
    const classifier = createClassicalClassifier(config);
    expect(classifier.kind).toBe(config.kind);
    expect(() => classifier.predict(te.X)).toThrow(/fit\(\)/);
    classifier.fit(tr.X, tr.y);
    const predicted = classifier.predict(te.X);
    expect(accuracy(predicted, te.y)).toBeGreaterThan(0.95);
    const restored = loadClassicalClassifier(JSON.parse(JSON.stringify(classifier.toJSON())));
    expect(restored.kind).toBe(config.kind);
    expect(restored.predict(te.X)).toEqual(predicted);
    classifier.dispose();
    restored.dispose();
    expect(() => classifier.predict(te.X)).toThrow(/fit\(\)/);
  });
});

describe('predictProbability', () => {
  const tr = gaussianBlobs({
    centers: [
      [0, 0],
      [2, 2],
      [0, 4],
    ],
    perClass: 30,
    spread: 1,
    seed: 5,
  });
  const te = gaussianBlobs({
    centers: [
      [0, 0],
      [2, 2],
      [0, 4],
    ],
    perClass: 10,
    spread: 1,
    seed: 6,
  });

  it('gives the forest’s class distribution, whose argmax is its prediction, also after reloading', () => {
    const forest = createClassicalClassifier({ kind: 'random-forest', nEstimators: 15, seed: 2 });
    forest.fit(tr.X, tr.y);
    const rows = forest.predictProbability(te.X)!;
    expect(forest.labels()).toEqual([0, 1, 2]);
    expect(rows.some((row) => row.some((p) => p > 0 && p < 1))).toBe(true);
    rows.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10));
    expect(rows.map((row) => forest.labels()[row.indexOf(Math.max(...row))])).toEqual(forest.predict(te.X));
    expect(loadClassicalClassifier(JSON.parse(JSON.stringify(forest.toJSON()))).predictProbability(te.X)).toEqual(rows);
  });

  it('gives none for an SVM trained without probability estimates, Platt estimates for one trained with', () => {
    const plain = createClassicalClassifier({ kind: 'svm', kernel: 'rbf' });
    plain.fit(tr.X, tr.y);
    expect(plain.predictProbability(te.X)).toBeNull();
    const platt = createClassicalClassifier({ kind: 'svm', kernel: 'rbf', probability: true });
    platt.fit(tr.X, tr.y);
    platt.predictProbability(te.X)!.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6));
    plain.dispose();
    platt.dispose();
  });
});
