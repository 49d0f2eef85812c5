// Original file: proto/ser/v1/common.proto


/**
 * Probability of one class.
 */
export interface ClassProbability {
  /**
   * Class label.
   */
  'label'?: (string);
  /**
   * Probability, 0..1; a prediction's probabilities sum to 1.
   */
  'probability'?: (number | string);
}

/**
 * Probability of one class.
 */
export interface ClassProbability__Output {
  /**
   * Class label.
   */
  'label': (string);
  /**
   * Probability, 0..1; a prediction's probabilities sum to 1.
   */
  'probability': (number);
}
