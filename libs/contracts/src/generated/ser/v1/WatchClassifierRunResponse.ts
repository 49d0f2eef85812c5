// Original file: proto/ser/v1/classifier_training_service.proto

import type { RunProgress as _ser_v1_RunProgress, RunProgress__Output as _ser_v1_RunProgress__Output } from '../../ser/v1/RunProgress';
import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';

/**
 * One event of a watched run.
 */
export interface WatchClassifierRunResponse {
  /**
   * Progress at this point.
   */
  'progress'?: (_ser_v1_RunProgress | null);
  /**
   * Full run snapshot; set on the first message and whenever the status changes.
   */
  'run'?: (_ser_v1_Run | null);
}

/**
 * One event of a watched run.
 */
export interface WatchClassifierRunResponse__Output {
  /**
   * Progress at this point.
   */
  'progress': (_ser_v1_RunProgress__Output | null);
  /**
   * Full run snapshot; set on the first message and whenever the status changes.
   */
  'run': (_ser_v1_Run__Output | null);
}
