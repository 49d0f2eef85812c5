// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';
import type { Long } from '@grpc/proto-loader';

/**
 * One alias of a model.
 */
export interface ModelAlias {
  /**
   * The alias (e.g. "production").
   */
  'alias'?: (string);
  /**
   * The version it points at.
   */
  'modelVersion'?: (_ser_v1_ModelVersion | null);
  /**
   * When it last moved.
   */
  'updatedAtMs'?: (number | string | Long);
}

/**
 * One alias of a model.
 */
export interface ModelAlias__Output {
  /**
   * The alias (e.g. "production").
   */
  'alias': (string);
  /**
   * The version it points at.
   */
  'modelVersion': (_ser_v1_ModelVersion__Output | null);
  /**
   * When it last moved.
   */
  'updatedAtMs': (number);
}
