// Original file: proto/ser/v1/classifier_training_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';
import type { Checkpoint as _ser_v1_Checkpoint, Checkpoint__Output as _ser_v1_Checkpoint__Output } from '../../ser/v1/Checkpoint';
import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';

/**
 * A run, what it saved and what it registered.
 */
export interface GetClassifierRunResponse {
  /**
   * The run.
   */
  'run'?: (_ser_v1_Run | null);
  /**
   * Checkpoints it saved, oldest first.
   */
  'checkpoints'?: (_ser_v1_Checkpoint)[];
  /**
   * The model version it registered; unset when none.
   */
  'modelVersion'?: (_ser_v1_ModelVersion | null);
}

/**
 * A run, what it saved and what it registered.
 */
export interface GetClassifierRunResponse__Output {
  /**
   * The run.
   */
  'run': (_ser_v1_Run__Output | null);
  /**
   * Checkpoints it saved, oldest first.
   */
  'checkpoints': (_ser_v1_Checkpoint__Output)[];
  /**
   * The model version it registered; unset when none.
   */
  'modelVersion': (_ser_v1_ModelVersion__Output | null);
}
