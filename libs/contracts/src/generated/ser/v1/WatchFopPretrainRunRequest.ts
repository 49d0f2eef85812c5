// Original file: proto/ser/v1/fop_pretrain_service.proto


/**
 * Which run to follow.
 */
export interface WatchFopPretrainRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run to follow.
 */
export interface WatchFopPretrainRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
