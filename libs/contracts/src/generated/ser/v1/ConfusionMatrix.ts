// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * Counts of (true label, predicted label) pairs.
 */
export interface ConfusionMatrix {
  /**
   * Labels, in row and column order.
   */
  'labels'?: (string)[];
  /**
   * labels.length^2 counts, row-major: row = true label, column = predicted label.
   */
  'counts'?: (number)[];
}

/**
 * Counts of (true label, predicted label) pairs.
 */
export interface ConfusionMatrix__Output {
  /**
   * Labels, in row and column order.
   */
  'labels': (string)[];
  /**
   * labels.length^2 counts, row-major: row = true label, column = predicted label.
   */
  'counts': (number)[];
}
