// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';

/**
 * The registered version.
 */
export interface RegisterModelVersionResponse {
  /**
   * The version (the run's earlier one when it had registered already).
   */
  'modelVersion'?: (_ser_v1_ModelVersion | null);
  /**
   * False when the run had registered before and nothing was written.
   */
  'created'?: (boolean);
}

/**
 * The registered version.
 */
export interface RegisterModelVersionResponse__Output {
  /**
   * The version (the run's earlier one when it had registered already).
   */
  'modelVersion': (_ser_v1_ModelVersion__Output | null);
  /**
   * False when the run had registered before and nothing was written.
   */
  'created': (boolean);
}
