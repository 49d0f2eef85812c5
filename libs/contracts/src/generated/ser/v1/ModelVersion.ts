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
}
