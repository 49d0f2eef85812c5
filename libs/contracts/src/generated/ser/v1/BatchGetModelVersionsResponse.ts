// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';

/**
 * The versions found, in no particular order.
 */
export interface BatchGetModelVersionsResponse {
  /**
   * The versions.
   */
  'modelVersions'?: (_ser_v1_ModelVersion)[];
}

/**
 * The versions found, in no particular order.
 */
export interface BatchGetModelVersionsResponse__Output {
  /**
   * The versions.
   */
  'modelVersions': (_ser_v1_ModelVersion__Output)[];
}
