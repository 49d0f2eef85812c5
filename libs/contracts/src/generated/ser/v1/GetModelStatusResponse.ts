// Original file: proto/ser/v1/inference_service.proto

import type { LoadedModel as _ser_v1_LoadedModel, LoadedModel__Output as _ser_v1_LoadedModel__Output } from '../../ser/v1/LoadedModel';

/**
 * What is loaded.
 */
export interface GetModelStatusResponse {
  /**
   * Loaded model versions.
   */
  'models'?: (_ser_v1_LoadedModel)[];
}

/**
 * What is loaded.
 */
export interface GetModelStatusResponse__Output {
  /**
   * Loaded model versions.
   */
  'models': (_ser_v1_LoadedModel__Output)[];
}
