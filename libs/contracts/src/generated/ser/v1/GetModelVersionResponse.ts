// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';

/**
 * One model version.
 */
export interface GetModelVersionResponse {
  /**
   * The version.
   */
  'modelVersion'?: (_ser_v1_ModelVersion | null);
}

/**
 * One model version.
 */
export interface GetModelVersionResponse__Output {
  /**
   * The version.
   */
  'modelVersion': (_ser_v1_ModelVersion__Output | null);
}
