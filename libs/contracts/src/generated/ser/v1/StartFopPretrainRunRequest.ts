// Original file: proto/ser/v1/fop_pretrain_service.proto


/**
 * What to train on and how.
 */
export interface StartFopPretrainRunRequest {
  /**
   * Experiment config overrides as a JSON object; the service merges them over its defaults
   * and rejects unknown keys or wrong types with INVALID_ARGUMENT.
   */
  'configJson'?: (string);
  /**
   * Dataset versions to pre-train on (at least one).
   */
  'datasetVersionIds'?: (string)[];
  /**
   * Checkpoint to resume from; empty means start from scratch.
   */
  'checkpointId'?: (string);
  /**
   * Optional human-readable name.
   */
  'displayName'?: (string);
}

/**
 * What to train on and how.
 */
export interface StartFopPretrainRunRequest__Output {
  /**
   * Experiment config overrides as a JSON object; the service merges them over its defaults
   * and rejects unknown keys or wrong types with INVALID_ARGUMENT.
   */
  'configJson': (string);
  /**
   * Dataset versions to pre-train on (at least one).
   */
  'datasetVersionIds': (string)[];
  /**
   * Checkpoint to resume from; empty means start from scratch.
   */
  'checkpointId': (string);
  /**
   * Optional human-readable name.
   */
  'displayName': (string);
}
