// Original file: proto/ser/v1/inference_service.proto

import type { Prediction as _ser_v1_Prediction, Prediction__Output as _ser_v1_Prediction__Output } from '../../ser/v1/Prediction';

/**
 * The prediction for one window of the stream.
 */
export interface PredictStreamResponse {
  /**
   * Index of the window, 0-based.
   */
  'windowIndex'?: (number);
  /**
   * Window start, seconds from the start of the stream.
   */
  'windowStartSeconds'?: (number | string);
  /**
   * Window end, seconds from the start of the stream.
   */
  'windowEndSeconds'?: (number | string);
  /**
   * The prediction for the window.
   */
  'prediction'?: (_ser_v1_Prediction | null);
}

/**
 * The prediction for one window of the stream.
 */
export interface PredictStreamResponse__Output {
  /**
   * Index of the window, 0-based.
   */
  'windowIndex': (number);
  /**
   * Window start, seconds from the start of the stream.
   */
  'windowStartSeconds': (number);
  /**
   * Window end, seconds from the start of the stream.
   */
  'windowEndSeconds': (number);
  /**
   * The prediction for the window.
   */
  'prediction': (_ser_v1_Prediction__Output | null);
}
