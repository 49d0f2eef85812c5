// Original file: proto/ser/v1/common.proto

import type { RunStatus as _ser_v1_RunStatus, RunStatus__Output as _ser_v1_RunStatus__Output } from '../../ser/v1/RunStatus';
import type { Long } from '@grpc/proto-loader';

/**
 * A progress event of a running run.
 */
export interface RunProgress {
  /**
   * The run it belongs to.
   */
  'runId'?: (string);
  /**
   * Status at the time of the event.
   */
  'status'?: (_ser_v1_RunStatus);
  /**
   * Fraction done, 0..1.
   */
  'progress'?: (number | string);
  /**
   * Current epoch, 1-based; 0 before training starts.
   */
  'epoch'?: (number);
  /**
   * Epochs planned.
   */
  'totalEpochs'?: (number);
  /**
   * Optimizer steps done so far.
   */
  'step'?: (number | string | Long);
  /**
   * Optimizer steps planned.
   */
  'totalSteps'?: (number | string | Long);
  /**
   * Current loss values by name (e.g. "train", "val", "commitment").
   */
  'losses'?: ({[key: string]: number | string});
  /**
   * Free-text note (e.g. "epoch 3 done", "saving checkpoint").
   */
  'message'?: (string);
  /**
   * When the event happened.
   */
  'atMs'?: (number | string | Long);
}

/**
 * A progress event of a running run.
 */
export interface RunProgress__Output {
  /**
   * The run it belongs to.
   */
  'runId': (string);
  /**
   * Status at the time of the event.
   */
  'status': (_ser_v1_RunStatus__Output);
  /**
   * Fraction done, 0..1.
   */
  'progress': (number);
  /**
   * Current epoch, 1-based; 0 before training starts.
   */
  'epoch': (number);
  /**
   * Epochs planned.
   */
  'totalEpochs': (number);
  /**
   * Optimizer steps done so far.
   */
  'step': (number);
  /**
   * Optimizer steps planned.
   */
  'totalSteps': (number);
  /**
   * Current loss values by name (e.g. "train", "val", "commitment").
   */
  'losses': ({[key: string]: number});
  /**
   * Free-text note (e.g. "epoch 3 done", "saving checkpoint").
   */
  'message': (string);
  /**
   * When the event happened.
   */
  'atMs': (number);
}
