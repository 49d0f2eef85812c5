// Original file: proto/ser/v1/inference_service.proto

import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from '../../ser/v1/Prediction';

/**
 * The prediction for one utterance of a batch.
 */
export interface UtterancePrediction {
  /**
   * The utterance.
   */
  'utteranceId'?: (string);
  /**
   * Its label in the dataset; empty when unlabelled.
   */
  'trueLabel'?: (string);
  /**
   * The prediction.
   */
  'prediction'?: (_ser_v1_Prediction | null);
}

/**
 * The prediction for one utterance of a batch.
 */
export interface UtterancePrediction__Output {
  /**
   * The utterance.
   */
  'utteranceId': (string);
  /**
   * Its label in the dataset; empty when unlabelled.
   */
  'trueLabel': (string);
  /**
   * The prediction.
   */
  'prediction': (_ser_v1_Prediction__Output | null);
}
