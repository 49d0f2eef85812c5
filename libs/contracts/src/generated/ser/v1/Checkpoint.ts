// Original file: proto/ser/v1/common.proto

import type { RunKind as _ser_v1_RunKind, RunKind__Output as _ser_v1_RunKind__Output } from '../../ser/v1/RunKind';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from '../../ser/v1/Lineage';
import type { Long } from '@grpc/proto-loader';

/**
 * A saved model state.
 */
export interface Checkpoint {
  /**
   * Stable id.
   */
  'id'?: (string);
  /**
   * Run that saved it.
   */
  'runId'?: (string);
  /**
   * Kind of the run that saved it.
   */
  'kind'?: (_ser_v1_RunKind);
  /**
   * Where the weights are stored (artifact store URI).
   */
  'uri'?: (string);
  /**
   * Epoch at which it was saved.
   */
  'epoch'?: (number);
  /**
   * Optimizer step at which it was saved.
   */
  'step'?: (number | string | Long);
  /**
   * Metrics at save time.
   */
  'metrics'?: ({[key: string]: number | string});
  /**
   * Data and config it came from.
   */
  'lineage'?: (_ser_v1_Lineage | null);
  /**
   * Size of the stored weights, in bytes.
   */
  'sizeBytes'?: (number | string | Long);
  /**
   * When it was saved.
   */
  'createdAtMs'?: (number | string | Long);
}

/**
 * A saved model state.
 */
export interface Checkpoint__Output {
  /**
   * Stable id.
   */
  'id': (string);
  /**
   * Run that saved it.
   */
  'runId': (string);
  /**
   * Kind of the run that saved it.
   */
  'kind': (_ser_v1_RunKind__Output);
  /**
   * Where the weights are stored (artifact store URI).
   */
  'uri': (string);
  /**
   * Epoch at which it was saved.
   */
  'epoch': (number);
  /**
   * Optimizer step at which it was saved.
   */
  'step': (number);
  /**
   * Metrics at save time.
   */
  'metrics': ({[key: string]: number});
  /**
   * Data and config it came from.
   */
  'lineage': (_ser_v1_Lineage__Output | null);
  /**
   * Size of the stored weights, in bytes.
   */
  'sizeBytes': (number);
  /**
   * When it was saved.
   */
  'createdAtMs': (number);
}
