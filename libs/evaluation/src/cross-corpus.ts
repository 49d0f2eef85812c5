// Cross-corpus evaluation (issue 13): train on one or more corpora, test on another corpus's utterances. Which
// corpus an item comes from is its `dataset`; labels are matched by name, so both sides must know the same classes.
import { sortedUnique, type EvaluationItem } from './items';

export interface CrossCorpusProtocol {
  kind: 'cross-corpus';
  /** The corpora tested on: dataset version ids in a run config (dataset names in an experiment plan). */
  testDatasets: string[];
  /** More corpora trained on beside the run's own dataset (same id kind as testDatasets). */
  trainAlsoDatasets?: string[];
}

export interface CrossCorpusFold {
  name: string;
  train: string[];
  test: string[];
  speakerIndependent: boolean;
}

/**
 * The one fold of a cross-corpus run: every item of a test dataset is tested, every other item trains. Refused when
 * an item names no dataset, a side is empty, or a class is on one side only (a test label the model cannot predict,
 * or a trained class never tested, would make the scores meaningless rather than low).
 */
export function crossCorpusFold(items: readonly EvaluationItem[], protocol: CrossCorpusProtocol): CrossCorpusFold {
  const unnamed = items.find((item) => !item.dataset);
  if (unnamed) throw new Error(`cross-corpus: utterance "${unnamed.utteranceId}" names no dataset`);
  const isTest = new Set(protocol.testDatasets);
  const train = items.filter((item) => !isTest.has(item.dataset!));
  const test = items.filter((item) => isTest.has(item.dataset!));
  const present = new Set(items.map((item) => item.dataset!));
  const absent = protocol.testDatasets.filter((d) => !present.has(d));
  if (absent.length > 0) throw new Error(`cross-corpus: test dataset ${absent.join(', ')} has no items`);
  if (train.length === 0) throw new Error('cross-corpus: no training dataset besides the test datasets');
  assertSameClasses(train, test);
  const trainDatasets = sortedUnique(train.map((item) => item.dataset!));
  return {
    name: `cross-corpus[train=${trainDatasets.join('+')};test=${sortedUnique(protocol.testDatasets).join('+')}]`,
    train: train.map((item) => item.utteranceId),
    test: test.map((item) => item.utteranceId),
    // Different corpora, different people; unless a speaker id is the same string on both sides, which is reported.
    speakerIndependent: !test.some((item) => new Set(train.map((t) => t.speaker)).has(item.speaker)),
  };
}

/** Both sides must hold exactly the same class names; the message names every class missing on either side. */
export function assertSameClasses(train: readonly EvaluationItem[], test: readonly EvaluationItem[]): void {
  const trainClasses = new Set(train.map((item) => item.label));
  const testClasses = new Set(test.map((item) => item.label));
  const onlyTrain = sortedUnique([...trainClasses].filter((c) => !testClasses.has(c)));
  const onlyTest = sortedUnique([...testClasses].filter((c) => !trainClasses.has(c)));
  if (onlyTrain.length === 0 && onlyTest.length === 0) return;
  const parts = [
    ...(onlyTest.length ? [`test classes ${onlyTest.join(', ')} are missing from the training data`] : []),
    ...(onlyTrain.length ? [`training classes ${onlyTrain.join(', ')} are missing from the test data`] : []),
  ];
  throw new Error(`cross-corpus: labels are matched by name and ${parts.join('; ')} (import the corpora with the same class names)`);
}
