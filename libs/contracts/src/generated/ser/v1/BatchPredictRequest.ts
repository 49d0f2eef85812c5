// Original file: proto/ser/v1/inference_service.proto

import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';

/**
 * Which dataset version to predict over.
 */
export interface BatchPredictRequest {
  /**
   * The dataset version.
   */
  'datasetVersionId'?: (string);
  /**
   * Which model version.
   */
  'model'?: (_ser_v1_ModelSelector | null);
  /**
   * Utterances to predict; empty means all.
   */
  'utteranceIds'?: (string)[];
  /**
   * True to keep these predictions out of the prediction records.
   */
  'recordOptOut'?: (boolean);
}

/**
 * Which dataset version to predict over.
 */
export interface BatchPredictRequest__Output {
  /**
   * The dataset version.
   */
  'datasetVersionId': (string);
  /**
   * Which model version.
   */
  'model': (_ser_v1_ModelSelector__Output | null);
  /**
   * Utterances to predict; empty means all.
   */
  'utteranceIds': (string)[];
  /**
   * True to keep these predictions out of the prediction records.
   */
  'recordOptOut': (boolean);
}
