// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';

/**
 * The version the alias now points at.
 */
export interface SetModelAliasResponse {
  /**
   * The version, with its updated aliases.
   */
  'modelVersion'?: (_ser_v1_ModelVersion | null);
}

/**
 * The version the alias now points at.
 */
export interface SetModelAliasResponse__Output {
  /**
   * The version, with its updated aliases.
   */
  'modelVersion': (_ser_v1_ModelVersion__Output | null);
}
