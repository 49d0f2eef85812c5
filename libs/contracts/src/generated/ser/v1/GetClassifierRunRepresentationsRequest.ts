// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Which run's representations.
 */
export interface GetClassifierRunRepresentationsRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run's representations.
 */
export interface GetClassifierRunRepresentationsRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
