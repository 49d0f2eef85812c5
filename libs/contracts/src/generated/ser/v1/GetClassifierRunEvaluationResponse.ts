// Original file: proto/ser/v1/classifier_training_service.proto

import type { ClassifierEvaluation as _ser_v1_ClassifierEvaluation, ClassifierEvaluation__Output as _ser_v1_ClassifierEvaluation__Output } from '../../ser/v1/ClassifierEvaluation';

/**
 * A run's evaluation.
 */
export interface GetClassifierRunEvaluationResponse {
  /**
   * The evaluation.
   */
  'evaluation'?: (_ser_v1_ClassifierEvaluation | null);
}

/**
 * A run's evaluation.
 */
export interface GetClassifierRunEvaluationResponse__Output {
  /**
   * The evaluation.
   */
  'evaluation': (_ser_v1_ClassifierEvaluation__Output | null);
}
