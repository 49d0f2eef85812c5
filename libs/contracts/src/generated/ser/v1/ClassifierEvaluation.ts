// Original file: proto/ser/v1/classifier_training_service.proto

import type { FoldEvaluation as _ser_v1_FoldEvaluation, FoldEvaluation__Output as _ser_v1_FoldEvaluation__Output } from '../../ser/v1/FoldEvaluation';
import type { ConfusionMatrix as _ser_v1_ConfusionMatrix, ConfusionMatrix__Output as _ser_v1_ConfusionMatrix__Output } from '../../ser/v1/ConfusionMatrix';
import type { ClassRecall as _ser_v1_ClassRecall, ClassRecall__Output as _ser_v1_ClassRecall__Output } from '../../ser/v1/ClassRecall';

/**
 * Everything a classifier run measured.
 */
export interface ClassifierEvaluation {
  /**
   * The run evaluated.
   */
  'runId'?: (string);
  /**
   * Evaluation protocol (e.g. "leave-one-session-out", "speaker-independent-5-fold").
   */
  'protocol'?: (string);
  /**
   * Class labels in output order.
   */
  'labels'?: (string)[];
  /**
   * Per fold and repeat results.
   */
  'folds'?: (_ser_v1_FoldEvaluation)[];
  /**
   * Metrics averaged over folds and repeats.
   */
  'metrics'?: ({[key: string]: number | string});
  /**
   * Standard deviation of each metric over folds and repeats.
   */
  'metricsStd'?: ({[key: string]: number | string});
  /**
   * Confusion matrix summed over all folds and repeats.
   */
  'confusionMatrix'?: (_ser_v1_ConfusionMatrix | null);
  /**
   * Recall per class over all folds and repeats.
   */
  'perClassRecall'?: (_ser_v1_ClassRecall)[];
}

/**
 * Everything a classifier run measured.
 */
export interface ClassifierEvaluation__Output {
  /**
   * The run evaluated.
   */
  'runId': (string);
  /**
   * Evaluation protocol (e.g. "leave-one-session-out", "speaker-independent-5-fold").
   */
  'protocol': (string);
  /**
   * Class labels in output order.
   */
  'labels': (string)[];
  /**
   * Per fold and repeat results.
   */
  'folds': (_ser_v1_FoldEvaluation__Output)[];
  /**
   * Metrics averaged over folds and repeats.
   */
  'metrics': ({[key: string]: number});
  /**
   * Standard deviation of each metric over folds and repeats.
   */
  'metricsStd': ({[key: string]: number});
  /**
   * Confusion matrix summed over all folds and repeats.
   */
  'confusionMatrix': (_ser_v1_ConfusionMatrix__Output | null);
  /**
   * Recall per class over all folds and repeats.
   */
  'perClassRecall': (_ser_v1_ClassRecall__Output)[];
}
