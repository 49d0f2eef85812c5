// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Which run to cancel.
 */
export interface CancelClassifierRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
  /**
   * Why; recorded with the run.
   */
  'reason'?: (string);
}

/**
 * Which run to cancel.
 */
export interface CancelClassifierRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
  /**
   * Why; recorded with the run.
   */
  'reason': (string);
}
