// Original file: proto/ser/v1/vqvae_pretrain_service.proto


/**
 * Which run to follow.
 */
export interface WatchVqvaePretrainRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run to follow.
 */
export interface WatchVqvaePretrainRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
