// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Which run's evaluation to get.
 */
export interface GetClassifierRunEvaluationRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run's evaluation to get.
 */
export interface GetClassifierRunEvaluationRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
