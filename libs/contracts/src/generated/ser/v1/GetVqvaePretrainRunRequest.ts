// Original file: proto/ser/v1/vqvae_pretrain_service.proto


/**
 * Which run to get.
 */
export interface GetVqvaePretrainRunRequest {
  /**
   * The run id.
   */
  'runId'?: (string);
}

/**
 * Which run to get.
 */
export interface GetVqvaePretrainRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
}
