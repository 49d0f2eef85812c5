// Original file: proto/ser/v1/vqvae_pretrain_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';

/**
 * The queued run.
 */
export interface StartVqvaePretrainRunResponse {
  /**
   * The run, status QUEUED.
   */
  'run'?: (_ser_v1_Run | null);
}

/**
 * The queued run.
 */
export interface StartVqvaePretrainRunResponse__Output {
  /**
   * The run, status QUEUED.
   */
  'run': (_ser_v1_Run__Output | null);
}
