// Original file: proto/ser/v1/model_registry_service.proto


/**
 * A run's kept model to register.
 */
export interface RegisterModelVersionRequest {
  /**
   * Model name the version is registered under.
   */
  'modelName'?: (string);
  /**
   * The classifier run that kept the model (at most one version per run).
   */
  'runId'?: (string);
  /**
   * Artifact folder of the kept model (models/<run>).
   */
  'artifactKey'?: (string);
  /**
   * The run's summary metrics.
   */
  'metrics'?: ({[key: string]: number | string});
  /**
   * The version's lineage as a JSON object (dataset versions, checkpoints, config and its hash, kind, labels).
   */
  'lineageJson'?: (string);
}

/**
 * A run's kept model to register.
 */
export interface RegisterModelVersionRequest__Output {
  /**
   * Model name the version is registered under.
   */
  'modelName': (string);
  /**
   * The classifier run that kept the model (at most one version per run).
   */
  'runId': (string);
  /**
   * Artifact folder of the kept model (models/<run>).
   */
  'artifactKey': (string);
  /**
   * The run's summary metrics.
   */
  'metrics': ({[key: string]: number});
  /**
   * The version's lineage as a JSON object (dataset versions, checkpoints, config and its hash, kind, labels).
   */
  'lineageJson': (string);
}
