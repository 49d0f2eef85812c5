// Original file: proto/ser/v1/fop_pretrain_service.proto


/**
 * Which run to get.
 */
export interface GetFopPretrainRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run to get.
 */
export interface GetFopPretrainRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
