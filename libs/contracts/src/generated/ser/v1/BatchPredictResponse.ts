// Original file: proto/ser/v1/inference_service.proto

import type { UtterancePrediction as _ser_v1_UtterancePrediction, UtterancePrediction__Output as _ser_v1_UtterancePrediction__Output } from '../../ser/v1/UtterancePrediction';
import type { BatchPredictSummary as _ser_v1_BatchPredictSummary, BatchPredictSummary__Output as _ser_v1_BatchPredictSummary__Output } from '../../ser/v1/BatchPredictSummary';

/**
 * Progress of a batch with the predictions made since the previous message.
 */
export interface BatchPredictResponse {
  /**
   * Utterances predicted so far.
   */
  'done'?: (number);
  /**
   * Utterances to predict.
   */
  'total'?: (number);
  /**
   * Predictions made since the previous message.
   */
  'predictions'?: (_ser_v1_UtterancePrediction)[];
  /**
   * Totals; set only on the last message.
   */
  'summary'?: (_ser_v1_BatchPredictSummary | null);
}

/**
 * Progress of a batch with the predictions made since the previous message.
 */
export interface BatchPredictResponse__Output {
  /**
   * Utterances predicted so far.
   */
  'done': (number);
  /**
   * Utterances to predict.
   */
  'total': (number);
  /**
   * Predictions made since the previous message.
   */
  'predictions': (_ser_v1_UtterancePrediction__Output)[];
  /**
   * Totals; set only on the last message.
   */
  'summary': (_ser_v1_BatchPredictSummary__Output | null);
}
