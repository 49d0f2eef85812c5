import { describe, expect, it } from 'vitest';
import { createClassicalClassifier, loadClassicalClassifier, type ClassicalClassifierConfig } from './classifier';
import { accuracy, gaussianBlobs } from './toy-data';

const configs: ClassicalClassifierConfig[] = [
  { kind: 'svm', kernel: 'rbf', C: 1 },
  { kind: 'random-forest', nEstimators: 20, seed: 3 },
];

describe('createClassicalClassifier', () => {
  const tr = gaussianBlobs({ centers: [[0, 0, 0], [3, 3, 3], [0, 3, 6]], perClass: 50, spread: 0.8, seed: 1 });
  const te = gaussianBlobs({ centers: [[0, 0, 0], [3, 3, 3], [0, 3, 6]], perClass: 50, spread: 0.8, seed: 2 });

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
