// Original file: proto/ser/v1/common.proto

/**
 * Lifecycle of a run: QUEUED -> RUNNING -> one of SUCCEEDED, FAILED, CANCELLED.
 */
export const RunStatus = {
  /**
   * Not set.
   */
  RUN_STATUS_UNSPECIFIED: 'RUN_STATUS_UNSPECIFIED',
  /**
   * Accepted, waiting for a worker.
   */
  RUN_STATUS_QUEUED: 'RUN_STATUS_QUEUED',
  /**
   * Training.
   */
  RUN_STATUS_RUNNING: 'RUN_STATUS_RUNNING',
  /**
   * Finished; outputs are stored.
   */
  RUN_STATUS_SUCCEEDED: 'RUN_STATUS_SUCCEEDED',
  /**
   * Stopped by an error; see Run.error.
   */
  RUN_STATUS_FAILED: 'RUN_STATUS_FAILED',
  /**
   * Stopped on request.
   */
  RUN_STATUS_CANCELLED: 'RUN_STATUS_CANCELLED',
} as const;

/**
 * Lifecycle of a run: QUEUED -> RUNNING -> one of SUCCEEDED, FAILED, CANCELLED.
 */
export type RunStatus =
  /**
   * Not set.
   */
  | 'RUN_STATUS_UNSPECIFIED'
  | 0
  /**
   * Accepted, waiting for a worker.
   */
  | 'RUN_STATUS_QUEUED'
  | 1
  /**
   * Training.
   */
  | 'RUN_STATUS_RUNNING'
  | 2
  /**
   * Finished; outputs are stored.
   */
  | 'RUN_STATUS_SUCCEEDED'
  | 3
  /**
   * Stopped by an error; see Run.error.
   */
  | 'RUN_STATUS_FAILED'
  | 4
  /**
   * Stopped on request.
   */
  | 'RUN_STATUS_CANCELLED'
  | 5

/**
 * Lifecycle of a run: QUEUED -> RUNNING -> one of SUCCEEDED, FAILED, CANCELLED.
 */
export type RunStatus__Output = typeof RunStatus[keyof typeof RunStatus]
