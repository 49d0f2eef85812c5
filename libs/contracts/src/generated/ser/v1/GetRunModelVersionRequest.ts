// Original file: proto/ser/v1/model_registry_service.proto


/**
 * Which run's model version to get.
 */
export interface GetRunModelVersionRequest {
  /**
   * The classifier run that registered it.
   */
  'runId'?: (string);
}

/**
 * Which run's model version to get.
 */
export interface GetRunModelVersionRequest__Output {
  /**
   * The classifier run that registered it.
   */
  'runId': (string);
}
