// Original file: proto/ser/v1/common.proto

import type { ClassProbability as _ser_v1_ClassProbability, ClassProbability__Output as _ser_v1_ClassProbability__Output } from '../../ser/v1/ClassProbability';
import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from '../../ser/v1/ModelRef';

/**
 * One emotion prediction.
 */
export interface Prediction {
  /**
   * Most probable class label.
   */
  'label'?: (string);
  /**
   * Probability of every class, in the model's label order.
   */
  'classProbabilities'?: (_ser_v1_ClassProbability)[];
  /**
   * The model version that produced it (an alias resolved to its version).
   */
  'model'?: (_ser_v1_ModelRef | null);
  /**
   * Time spent in the service for this prediction, in milliseconds.
   */
  'latencyMs'?: (number | string);
  /**
   * Id of the stored prediction record; empty when recording was opted out.
   */
  'predictionId'?: (string);
}

/**
 * One emotion prediction.
 */
export interface Prediction__Output {
  /**
   * Most probable class label.
   */
  'label': (string);
  /**
   * Probability of every class, in the model's label order.
   */
  'classProbabilities': (_ser_v1_ClassProbability__Output)[];
  /**
   * The model version that produced it (an alias resolved to its version).
   */
  'model': (_ser_v1_ModelRef__Output | null);
  /**
   * Time spent in the service for this prediction, in milliseconds.
   */
  'latencyMs': (number);
  /**
   * Id of the stored prediction record; empty when recording was opted out.
   */
  'predictionId': (string);
}
