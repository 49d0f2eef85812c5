// Original file: proto/ser/v1/common.proto

import type { RunKind as _ser_v1_RunKind, RunKind__Output as _ser_v1_RunKind__Output } from '../../ser/v1/RunKind';
import type { RunStatus as _ser_v1_RunStatus, RunStatus__Output as _ser_v1_RunStatus__Output } from '../../ser/v1/RunStatus';
import type { Lineage as _ser_v1_Lineage, Lineage__Output as _ser_v1_Lineage__Output } from '../../ser/v1/Lineage';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from '../../ser/v1/ModelRef';
import type { Long } from '@grpc/proto-loader';

/**
 * A training run of any kind.
 */
export interface Run {
  /**
   * Stable id.
   */
  'id'?: (string);
  /**
   * What the run does.
   */
  'kind'?: (_ser_v1_RunKind);
  /**
   * Where it is in its lifecycle.
   */
  'status'?: (_ser_v1_RunStatus);
  /**
   * Fraction done, 0..1.
   */
  'progress'?: (number | string);
  /**
   * The resolved experiment config, as JSON.
   */
  'configJson'?: (string);
  /**
   * Latest metrics by name (losses, accuracies).
   */
  'metrics'?: ({[key: string]: number | string});
  /**
   * Inputs of the run.
   */
  'lineage'?: (_ser_v1_Lineage | null);
  /**
   * Failure message when status is FAILED; empty otherwise.
   */
  'error'?: (string);
  /**
   * When the run was accepted.
   */
  'createdAtMs'?: (number | string | Long);
  /**
   * When training started; 0 while queued.
   */
  'startedAtMs'?: (number | string | Long);
  /**
   * When the run reached a final status; 0 before.
   */
  'finishedAtMs'?: (number | string | Long);
  /**
   * Optional human-readable name given at start.
   */
  'displayName'?: (string);
  /**
   * Last checkpoint the run saved; empty before the first.
   */
  'outputCheckpointId'?: (string);
  /**
   * Model version registered by a classifier run; unset for other kinds.
   */
  'outputModel'?: (_ser_v1_ModelRef | null);
}

/**
 * A training run of any kind.
 */
export interface Run__Output {
  /**
   * Stable id.
   */
  'id': (string);
  /**
   * What the run does.
   */
  'kind': (_ser_v1_RunKind__Output);
  /**
   * Where it is in its lifecycle.
   */
  'status': (_ser_v1_RunStatus__Output);
  /**
   * Fraction done, 0..1.
   */
  'progress': (number);
  /**
   * The resolved experiment config, as JSON.
   */
  'configJson': (string);
  /**
   * Latest metrics by name (losses, accuracies).
   */
  'metrics': ({[key: string]: number});
  /**
   * Inputs of the run.
   */
  'lineage': (_ser_v1_Lineage__Output | null);
  /**
   * Failure message when status is FAILED; empty otherwise.
   */
  'error': (string);
  /**
   * When the run was accepted.
   */
  'createdAtMs': (number);
  /**
   * When training started; 0 while queued.
   */
  'startedAtMs': (number);
  /**
   * When the run reached a final status; 0 before.
   */
  'finishedAtMs': (number);
  /**
   * Optional human-readable name given at start.
   */
  'displayName': (string);
  /**
   * Last checkpoint the run saved; empty before the first.
   */
  'outputCheckpointId': (string);
  /**
   * Model version registered by a classifier run; unset for other kinds.
   */
  'outputModel': (_ser_v1_ModelRef__Output | null);
}
