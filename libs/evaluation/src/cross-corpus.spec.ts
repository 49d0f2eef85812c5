import { describe, expect, it } from 'vitest';
import type { EvaluationItem } from './items';
import { makeFolds, parseEvaluationProtocol } from './protocols';

/** `n` utterances per class of one corpus, its own speakers (`<corpus>-s0`, ...). */
function corpus(dataset: string, classes: string[], n = 3, speakers = 2): EvaluationItem[] {
  return classes.flatMap((label) =>
    Array.from({ length: n }, (_, i) => ({ utteranceId: `${dataset}/${label}/${i}`, label, speaker: `${dataset}-s${i % speakers}`, session: '', dataset })),
  );
}
const EMOTIONS = ['angry', 'happy', 'neutral', 'sad'];

describe('makeFolds: cross-corpus', () => {
  it('tests on every utterance of the test corpus and trains on every other one, never mixing them', () => {
    const items = [...corpus('ravdess', EMOTIONS), ...corpus('urdu', EMOTIONS, 2), ...corpus('extra', EMOTIONS, 1)];
    const [fold, ...more] = makeFolds(items, { kind: 'cross-corpus', testDatasets: ['urdu'], trainAlsoDatasets: ['extra'] }, 1);
    expect(more).toHaveLength(0);
    const datasetOf = new Map(items.map((i) => [i.utteranceId, i.dataset]));
    expect(new Set(fold!.test.map((id) => datasetOf.get(id)))).toEqual(new Set(['urdu']));
    expect(new Set(fold!.train.map((id) => datasetOf.get(id)))).toEqual(new Set(['ravdess', 'extra']));
    expect(fold!.test).toHaveLength(8);
    expect(fold!.train).toHaveLength(16);
    expect(fold!.speakerIndependent).toBe(true);
    expect(fold!.name).toBe('cross-corpus[train=extra+ravdess;test=urdu]');
  });

  it('gives the same fold for every seed (repeats differ only by the classifier seed)', () => {
    const items = [...corpus('a', EMOTIONS), ...corpus('b', EMOTIONS)];
    expect(makeFolds(items, { kind: 'cross-corpus', testDatasets: ['b'] }, 1)).toEqual(makeFolds(items, { kind: 'cross-corpus', testDatasets: ['b'] }, 7));
  });

  it('refuses a class on one side only, naming it and the side it is missing from', () => {
    const calm = [...corpus('ravdess', [...EMOTIONS, 'calm']), ...corpus('urdu', EMOTIONS)];
    expect(() => makeFolds(calm, { kind: 'cross-corpus', testDatasets: ['urdu'] }, 1)).toThrow(/training classes calm are missing from the test data/);
    const fewer = [...corpus('ravdess', ['angry', 'sad']), ...corpus('urdu', EMOTIONS)];
    expect(() => makeFolds(fewer, { kind: 'cross-corpus', testDatasets: ['urdu'] }, 1)).toThrow(
      /test classes happy, neutral are missing from the training data/,
    );
    // Names, not positions: 'Angry' is not 'angry'.
    const cased = [...corpus('ravdess', EMOTIONS), ...corpus('urdu', ['Angry', 'happy', 'neutral', 'sad'])];
    expect(() => makeFolds(cased, { kind: 'cross-corpus', testDatasets: ['urdu'] }, 1)).toThrow(/test classes Angry .*training classes angry/);
  });

  it('refuses items without a corpus, a test corpus with no items, and nothing left to train on', () => {
    const items = [...corpus('a', EMOTIONS), ...corpus('b', EMOTIONS)];
    const unnamed = items.map((i, k) => (k === 0 ? { ...i, dataset: undefined } : i));
    expect(() => makeFolds(unnamed, { kind: 'cross-corpus', testDatasets: ['b'] }, 1)).toThrow(/names no dataset/);
    expect(() => makeFolds(items, { kind: 'cross-corpus', testDatasets: ['c'] }, 1)).toThrow(/test dataset c has no items/);
    expect(() => makeFolds(items, { kind: 'cross-corpus', testDatasets: ['a', 'b'] }, 1)).toThrow(/no training dataset/);
  });

  it('parses only a protocol that names test datasets, never one also trained on', () => {
    expect(() => parseEvaluationProtocol({ kind: 'cross-corpus' })).toThrow();
    expect(() => parseEvaluationProtocol({ kind: 'cross-corpus', testDatasets: [] })).toThrow();
    expect(() => parseEvaluationProtocol({ kind: 'cross-corpus', testDatasets: ['b'], trainAlsoDatasets: ['b'] })).toThrow(/twice/);
    expect(() => parseEvaluationProtocol({ kind: 'cross-corpus', testDatasets: ['b'], folds: 2 })).toThrow();
  });
});
