// Original file: proto/ser/v1/model_registry_service.proto


/**
 * Which model versions to get.
 */
export interface BatchGetModelVersionsRequest {
  /**
   * Version ids (ModelVersion.id).
   */
  'ids'?: (string)[];
}

/**
 * Which model versions to get.
 */
export interface BatchGetModelVersionsRequest__Output {
  /**
   * Version ids (ModelVersion.id).
   */
  'ids': (string)[];
}
