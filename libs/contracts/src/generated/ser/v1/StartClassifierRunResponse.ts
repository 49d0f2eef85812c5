// Original file: proto/ser/v1/classifier_training_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';

/**
 * The queued run.
 */
export interface StartClassifierRunResponse {
  /**
   * The run, status QUEUED.
   */
  'run'?: (_ser_v1_Run | null);
}

/**
 * The queued run.
 */
export interface StartClassifierRunResponse__Output {
  /**
   * The run, status QUEUED.
   */
  'run': (_ser_v1_Run__Output | null);
}
