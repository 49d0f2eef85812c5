// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * What to train on and how.
 */
export interface StartClassifierRunRequest {
  /**
   * Experiment config overrides as a JSON object (method, protocol, repeats, epochs, ...);
   * unknown keys or wrong types are rejected with INVALID_ARGUMENT.
   */
  'configJson'?: (string);
  /**
   * Labelled dataset versions to train and evaluate on (at least one).
   */
  'datasetVersionIds'?: (string)[];
  /**
   * Pre-trained checkpoint (FOP or VQ-VAE) to transfer from; empty trains from scratch.
   */
  'checkpointId'?: (string);
  /**
   * Optional human-readable name.
   */
  'displayName'?: (string);
  /**
   * Name to register the trained model under; empty means the platform's default model name (inference.defaultModelName,
   * SER_INFERENCE_DEFAULT_MODEL; "fop-emotion" unless configured), stored with the run when it is queued.
   */
  'modelName'?: (string);
}

/**
 * What to train on and how.
 */
export interface StartClassifierRunRequest__Output {
  /**
   * Experiment config overrides as a JSON object (method, protocol, repeats, epochs, ...);
   * unknown keys or wrong types are rejected with INVALID_ARGUMENT.
   */
  'configJson': (string);
  /**
   * Labelled dataset versions to train and evaluate on (at least one).
   */
  'datasetVersionIds': (string)[];
  /**
   * Pre-trained checkpoint (FOP or VQ-VAE) to transfer from; empty trains from scratch.
   */
  'checkpointId': (string);
  /**
   * Optional human-readable name.
   */
  'displayName': (string);
  /**
   * Name to register the trained model under; empty means the platform's default model name (inference.defaultModelName,
   * SER_INFERENCE_DEFAULT_MODEL; "fop-emotion" unless configured), stored with the run when it is queued.
   */
  'modelName': (string);
}
