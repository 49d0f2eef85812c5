// Original file: proto/ser/v1/inference_service.proto

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from '../../ser/v1/AudioData';
import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';

/**
 * One piece of audio to classify.
 */
export interface PredictRequest {
  /**
   * The audio.
   */
  'audio'?: (_ser_v1_AudioData | null);
  /**
   * Which model version; an unset selector means the default model at alias "production".
   */
  'model'?: (_ser_v1_ModelSelector | null);
  /**
   * True to keep this prediction out of the prediction records.
   */
  'recordOptOut'?: (boolean);
}

/**
 * One piece of audio to classify.
 */
export interface PredictRequest__Output {
  /**
   * The audio.
   */
  'audio': (_ser_v1_AudioData__Output | null);
  /**
   * Which model version; an unset selector means the default model at alias "production".
   */
  'model': (_ser_v1_ModelSelector__Output | null);
  /**
   * True to keep this prediction out of the prediction records.
   */
  'recordOptOut': (boolean);
}
