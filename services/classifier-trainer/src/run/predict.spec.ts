import { describe, expect, it } from 'vitest';
import { createFop, createFopClassifier } from '@ser/models';
import { predictProbabilities, weightedCrossEntropy } from './predict';

const CONFIG = { nMels: 8, dModel: 8, numHeads: 2, ffnUnits: 16, numLayers: 1 };

function sequence(frames: number, seed: number): Float32Array {
  return Float32Array.from({ length: frames * CONFIG.nMels }, (_, i) => Math.sin(seed * 7.1 + i * 0.37));
}

describe('predictProbabilities', () => {
  it('classifies a padded batch of whole utterances exactly as each utterance alone, in input order', () => {
    const fop = createFop(CONFIG, 1);
    const classifier = createFopClassifier(fop, 3, 2);
    try {
      const sequences = [sequence(30, 1), sequence(5, 2), sequence(17, 3)];
      const batched = predictProbabilities(classifier, sequences, 8);
      const alone = sequences.map((s) => predictProbabilities(classifier, [s])[0]!);
      expect(batched).toHaveLength(3);
      batched.forEach((p, i) => p.forEach((v, c) => expect(v).toBeCloseTo(alone[i]![c]!, 5)));
      batched.forEach((p) => expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5));
      expect(Math.abs(batched[0]![0]! - batched[1]![0]!)).toBeGreaterThan(0); // not one answer for all
    } finally {
      classifier.dispose();
      fop.dispose();
    }
  });
});

describe('weightedCrossEntropy', () => {
  it('weighs each item by its class weight and divides by the total weight', () => {
    const probabilities = [
      [0.5, 0.5],
      [0.25, 0.75],
    ];
    expect(weightedCrossEntropy(probabilities, [0, 1], [1, 1])).toBeCloseTo((Math.log(2) + Math.log(4 / 3)) / 2);
    expect(weightedCrossEntropy(probabilities, [0, 1], [3, 1])).toBeCloseTo((3 * Math.log(2) + Math.log(4 / 3)) / 4);
  });
});
