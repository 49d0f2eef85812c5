// Original file: proto/ser/v1/vqvae_pretrain_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';

/**
 * The run after the cancel request.
 */
export interface CancelVqvaePretrainRunResponse {
  /**
   * The run.
   */
  'run'?: (_ser_v1_Run | null);
}

/**
 * The run after the cancel request.
 */
export interface CancelVqvaePretrainRunResponse__Output {
  /**
   * The run.
   */
  'run': (_ser_v1_Run__Output | null);
}
