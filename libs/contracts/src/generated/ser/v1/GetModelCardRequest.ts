// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';

/**
 * Whose model card to get.
 */
export interface GetModelCardRequest {
  /**
   * Name plus alias or version.
   */
  'model'?: (_ser_v1_ModelSelector | null);
}

/**
 * Whose model card to get.
 */
export interface GetModelCardRequest__Output {
  /**
   * Name plus alias or version.
   */
  'model': (_ser_v1_ModelSelector__Output | null);
}
