// Original file: proto/ser/v1/fop_pretrain_service.proto


/**
 * Which run to cancel.
 */
export interface CancelFopPretrainRunRequest {
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
export interface CancelFopPretrainRunRequest__Output {
  /**
   * The run id.
   */
  'runId': (string);
  /**
   * Why; recorded with the run.
   */
  'reason': (string);
}
