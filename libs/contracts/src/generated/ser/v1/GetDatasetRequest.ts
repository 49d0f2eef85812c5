// Original file: proto/ser/v1/features_service.proto


/**
 * Which dataset to get.
 */
export interface GetDatasetRequest {
  /**
   * The dataset id.
   */
  'datasetId'?: (string);
  /**
   * A version of it; empty means the latest.
   */
  'datasetVersionId'?: (string);
}

/**
 * Which dataset to get.
 */
export interface GetDatasetRequest__Output {
  /**
   * The dataset id.
   */
  'datasetId': (string);
  /**
   * A version of it; empty means the latest.
   */
  'datasetVersionId': (string);
}
