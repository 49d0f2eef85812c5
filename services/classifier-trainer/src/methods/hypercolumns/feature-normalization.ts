// The hypercolumn run's `normalize` option: the pooled features of each corpus or speaker z-scored with that group's
// own statistics before the SVM / forest (classifier-config.ts says why). A fold's training part and its test part
// are each normalised alone, so the test part's statistics never reach the training, and no labels are read.
import { foldStandardization, standardizeByGroup, Standardizer, type ClassicalModelJson, type FeatureRows } from '@ser/classical';
import type { EvaluationItem } from '@ser/evaluation';
import type { ClassifierRunConfig, HypercolumnRunConfig } from '../../run/classifier-config';

const normalizes = (config: HypercolumnRunConfig) => config.normalize !== undefined && config.normalize !== 'none';

/** One part of a fold's rows (train or test), as the classifier reads them. */
export function normalizedRows(config: HypercolumnRunConfig, part: readonly EvaluationItem[], rows: Float32Array[]): FeatureRows {
  if (!normalizes(config)) return rows;
  // Speaker ids are per corpus: two corpora may both have a speaker "01".
  const group = (item: EvaluationItem) => (config.normalize === 'per-speaker' ? `${item.dataset ?? ''}\u0000${item.speaker}` : (item.dataset ?? ''));
  return standardizeByGroup(rows, part.map(group));
}

/**
 * The kept classifier as serving reads it: one clip has no corpus or speaker statistics of its own, so the model
 * folds in its raw training rows' statistics and reads a served clip as one of the training data. Exactly the
 * training transform when it trained on one corpus per-corpus; for per-speaker or several corpora the nearest
 * labels-free stand-in (normalizationLimits puts this on the model card).
 */
export function servedClassifier(config: HypercolumnRunConfig, trained: ClassicalModelJson, rawTrainRows: Float32Array[]): ClassicalModelJson {
  return normalizes(config) ? foldStandardization(trained, Standardizer.fit(rawTrainRows).toJSON()) : trained;
}

/** What the model card must say when the evaluation normalised per corpus or speaker and serving cannot. */
export function normalizationLimits(config: ClassifierRunConfig): string[] {
  if (config.method !== 'fop-hypercolumns' || !normalizes(config)) return [];
  const group = config.normalize === 'per-speaker' ? 'speaker' : 'corpus';
  return [
    `Its scores were measured with ${config.normalize} feature normalisation: each test ${group}'s features were z-scored with that ${group}'s own statistics (no labels). ` +
      `The served model reads one clip at a time, so it z-scores with its training data's statistics instead: on a ${group} unlike the training data, expect scores below these.`,
  ];
}
