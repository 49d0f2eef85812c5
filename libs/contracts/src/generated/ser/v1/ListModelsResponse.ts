// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelSummary as _ser_v1_ModelSummary, ModelSummary__Output as _ser_v1_ModelSummary__Output } from '../../ser/v1/ModelSummary';

/**
 * Every model name, by name.
 */
export interface ListModelsResponse {
  /**
   * The models.
   */
  'models'?: (_ser_v1_ModelSummary)[];
}

/**
 * Every model name, by name.
 */
export interface ListModelsResponse__Output {
  /**
   * The models.
   */
  'models': (_ser_v1_ModelSummary__Output)[];
}
