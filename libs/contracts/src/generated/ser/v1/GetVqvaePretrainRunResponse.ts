// Original file: proto/ser/v1/vqvae_pretrain_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from '../../ser/v1/Checkpoint';

/**
 * A run and what it saved.
 */
export interface GetVqvaePretrainRunResponse {
  /**
   * The run.
   */
  'run'?: (_ser_v1_Run | null);
  /**
   * Checkpoints it saved, oldest first.
   */
  'checkpoints'?: (_ser_v1_Checkpoint)[];
}

/**
 * A run and what it saved.
 */
export interface GetVqvaePretrainRunResponse__Output {
  /**
   * The run.
   */
  'run': (_ser_v1_Run__Output | null);
  /**
   * Checkpoints it saved, oldest first.
   */
  'checkpoints': (_ser_v1_Checkpoint__Output)[];
}
