// Original file: proto/ser/v1/common.proto

import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from '../../ser/v1/Lineage';
import type { Long } from '@grpc/proto-loader';

/**
 * A registered, servable classifier.
 */
export interface ModelVersion {
  /**
   * Registered model name.
   */
  'name'?: (string);
  /**
   * Version within the name.
   */
  'version'?: (string);
  /**
   * Aliases pointing at this version (e.g. "production", "staging").
   */
  'aliases'?: (string)[];
  /**
   * Evaluation metrics (e.g. "weighted_accuracy", "unweighted_accuracy").
   */
  'metrics'?: ({[key: string]: number | string});
  /**
   * Data, checkpoint, run and config it came from.
   */
  'lineage'?: (_ser_v1_Lineage | null);
  /**
   * Class labels in output order.
   */
  'labels'?: (string)[];
  /**
   * Checkpoint holding its weights.
   */
  'checkpointId'?: (string);
  /**
   * When it was registered.
   */
  'createdAtMs'?: (number | string | Long);
  /**
   * Stable id of the registered version (what predictions point at).
   */
  'id'?: (string);
  /**
   * Artifact key of its kept model's model.json.
   */
  'artifactKey'?: (string);
  /**
   * The whole lineage record as JSON (dataset versions, checkpoints, evaluation key...), a superset of lineage.
   */
  'lineageJson'?: (string);
  /**
   * Every stored metric as JSON, including those that are not numbers.
   */
  'metricsJson'?: (string);
}

/**
 * A registered, servable classifier.
 */
export interface ModelVersion__Output {
  /**
   * Registered model name.
   */
  'name': (string);
  /**
   * Version within the name.
   */
  'version': (string);
  /**
   * Aliases pointing at this version (e.g. "production", "staging").
   */
  'aliases': (string)[];
  /**
   * Evaluation metrics (e.g. "weighted_accuracy", "unweighted_accuracy").
   */
  'metrics': ({[key: string]: number});
  /**
   * Data, checkpoint, run and config it came from.
   */
  'lineage': (_ser_v1_Lineage__Output | null);
  /**
   * Class labels in output order.
   */
  'labels': (string)[];
  /**
   * Checkpoint holding its weights.
   */
  'checkpointId': (string);
  /**
   * When it was registered.
   */
  'createdAtMs': (number);
  /**
   * Stable id of the registered version (what predictions point at).
   */
  'id': (string);
  /**
   * Artifact key of its kept model's model.json.
   */
  'artifactKey': (string);
  /**
   * The whole lineage record as JSON (dataset versions, checkpoints, evaluation key...), a superset of lineage.
   */
  'lineageJson': (string);
  /**
   * Every stored metric as JSON, including those that are not numbers.
   */
  'metricsJson': (string);
}
