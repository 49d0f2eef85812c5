// Original file: proto/ser/v1/inference_service.proto

import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from '../../ser/v1/Prediction';

/**
 * The prediction for PredictRequest.
 */
export interface PredictResponse {
  /**
   * The prediction.
   */
  'prediction'?: (_ser_v1_Prediction | null);
}

/**
 * The prediction for PredictRequest.
 */
export interface PredictResponse__Output {
  /**
   * The prediction.
   */
  'prediction': (_ser_v1_Prediction__Output | null);
}
