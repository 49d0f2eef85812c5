// Original file: proto/ser/v1/inference_service.proto


/**
 * Accuracy over a whole batch, against the dataset's labels.
 */
export interface BatchPredictSummary {
  /**
   * Utterances predicted.
   */
  'count'?: (number);
  /**
   * Fraction of labelled utterances predicted correctly.
   */
  'weightedAccuracy'?: (number | string);
  /**
   * Mean per-class recall over labelled utterances.
   */
  'unweightedAccuracy'?: (number | string);
}

/**
 * Accuracy over a whole batch, against the dataset's labels.
 */
export interface BatchPredictSummary__Output {
  /**
   * Utterances predicted.
   */
  'count': (number);
  /**
   * Fraction of labelled utterances predicted correctly.
   */
  'weightedAccuracy': (number);
  /**
   * Mean per-class recall over labelled utterances.
   */
  'unweightedAccuracy': (number);
}
