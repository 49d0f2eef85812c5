// Original file: proto/ser/v1/vqvae_pretrain_service.proto


/**
 * Which run to cancel.
 */
export interface CancelVqvaePretrainRunRequest {
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
export interface CancelVqvaePretrainRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
  /**
   * Why; recorded with the run.
   */
  'reason': (string);
}
