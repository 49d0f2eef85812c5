// Original file: proto/ser/v1/inference_service.proto

import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';

/**
 * Which models to report on.
 */
export interface GetModelStatusRequest {
  /**
   * A model to report on; unset means every loaded model.
   */
  'model'?: (_ser_v1_ModelSelector | null);
}

/**
 * Which models to report on.
 */
export interface GetModelStatusRequest__Output {
  /**
   * A model to report on; unset means every loaded model.
   */
  'model': (_ser_v1_ModelSelector__Output | null);
}
