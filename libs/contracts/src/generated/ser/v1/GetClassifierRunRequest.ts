// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Which run to get.
 */
export interface GetClassifierRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run to get.
 */
export interface GetClassifierRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
