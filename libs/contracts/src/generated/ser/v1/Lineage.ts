// Original file: proto/ser/v1/common.proto


/**
 * Where an artifact came from: the data, the starting checkpoint, the run and its config.
 */
export interface Lineage {
  /**
   * Dataset versions the artifact was trained or evaluated on.
   */
  'datasetVersionIds'?: (string)[];
  /**
   * Checkpoint the work started from; empty when trained from scratch.
   */
  'checkpointId'?: (string);
  /**
   * Run that produced the artifact; empty on a Run's own lineage.
   */
  'runId'?: (string);
  /**
   * SHA-256 of the resolved config JSON, hex.
   */
  'configHash'?: (string);
}

/**
 * Where an artifact came from: the data, the starting checkpoint, the run and its config.
 */
export interface Lineage__Output {
  /**
   * Dataset versions the artifact was trained or evaluated on.
   */
  'datasetVersionIds': (string)[];
  /**
   * Checkpoint the work started from; empty when trained from scratch.
   */
  'checkpointId': (string);
  /**
   * Run that produced the artifact; empty on a Run's own lineage.
   */
  'runId': (string);
  /**
   * SHA-256 of the resolved config JSON, hex.
   */
  'configHash': (string);
}
