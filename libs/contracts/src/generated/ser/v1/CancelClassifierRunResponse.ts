// Original file: proto/ser/v1/classifier_training_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';

/**
 * The run after the cancel request.
 */
export interface CancelClassifierRunResponse {
  /**
   * The run.
   */
  'run'?: (_ser_v1_Run | null);
}

/**
 * The run after the cancel request.
 */
export interface CancelClassifierRunResponse__Output {
  /**
   * The run.
   */
  'run': (_ser_v1_Run__Output | null);
}
