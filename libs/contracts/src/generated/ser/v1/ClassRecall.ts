// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Recall of one class.
 */
export interface ClassRecall {
  /**
   * Class label.
   */
  'label'?: (string);
  /**
   * Correct predictions over true examples of the class, 0..1.
   */
  'recall'?: (number | string);
  /**
   * True examples of the class.
   */
  'support'?: (number);
}

/**
 * Recall of one class.
 */
export interface ClassRecall__Output {
  /**
   * Class label.
   */
  'label': (string);
  /**
   * Correct predictions over true examples of the class, 0..1.
   */
  'recall': (number);
  /**
   * True examples of the class.
   */
  'support': (number);
}
