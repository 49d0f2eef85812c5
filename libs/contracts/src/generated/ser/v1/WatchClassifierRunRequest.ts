// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Which run to follow.
 */
export interface WatchClassifierRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run to follow.
 */
export interface WatchClassifierRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
