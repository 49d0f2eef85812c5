// Original file: proto/ser/v1/classifier_training_service.proto

import type { ConfusionMatrix as _ser_v1_ConfusionMatrix, ConfusionMatrix__Output as _ser_v1_ConfusionMatrix__Output } from '../../ser/v1/ConfusionMatrix';

/**
 * Results on the test split of one fold of one repeat.
 */
export interface FoldEvaluation {
  /**
   * Repeat index, 0-based.
   */
  'repeat'?: (number);
  /**
   * Fold index within the repeat, 0-based.
   */
  'fold'?: (number);
  /**
   * What was held out (e.g. "Session5", a speaker id).
   */
  'testSplit'?: (string);
  /**
   * Metrics on the test split (e.g. "weighted_accuracy", "unweighted_accuracy").
   */
  'metrics'?: ({[key: string]: number | string});
  /**
   * Confusion matrix on the test split.
   */
  'confusionMatrix'?: (_ser_v1_ConfusionMatrix | null);
}

/**
 * Results on the test split of one fold of one repeat.
 */
export interface FoldEvaluation__Output {
  /**
   * Repeat index, 0-based.
   */
  'repeat': (number);
  /**
   * Fold index within the repeat, 0-based.
   */
  'fold': (number);
  /**
   * What was held out (e.g. "Session5", a speaker id).
   */
  'testSplit': (string);
  /**
   * Metrics on the test split (e.g. "weighted_accuracy", "unweighted_accuracy").
   */
  'metrics': ({[key: string]: number});
  /**
   * Confusion matrix on the test split.
   */
  'confusionMatrix': (_ser_v1_ConfusionMatrix__Output | null);
}
