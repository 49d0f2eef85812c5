// Original file: proto/ser/v1/inference_service.proto

import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';
import type { AudioEncoding as _ser_v1_AudioEncoding, AudioEncoding__Output as _ser_v1_AudioEncoding__Output } from '../../ser/v1/AudioEncoding';

/**
 * How to read and window a live audio stream; the first PredictStreamRequest carries it.
 */
export interface PredictStreamConfig {
  /**
   * Which model version.
   */
  'model'?: (_ser_v1_ModelSelector | null);
  /**
   * Encoding of the chunks: AUDIO_ENCODING_PCM_S16LE or AUDIO_ENCODING_PCM_F32LE.
   */
  'encoding'?: (_ser_v1_AudioEncoding);
  /**
   * Sample rate of the chunks.
   */
  'sampleRateHz'?: (number);
  /**
   * Channel count of the chunks (mixed down to mono).
   */
  'channels'?: (number);
  /**
   * Window length in seconds; 0 means the model's default.
   */
  'windowSeconds'?: (number | string);
  /**
   * Distance between window starts in seconds; 0 means window_seconds (no overlap).
   */
  'hopSeconds'?: (number | string);
  /**
   * True to keep these predictions out of the prediction records.
   */
  'recordOptOut'?: (boolean);
}

/**
 * How to read and window a live audio stream; the first PredictStreamRequest carries it.
 */
export interface PredictStreamConfig__Output {
  /**
   * Which model version.
   */
  'model': (_ser_v1_ModelSelector__Output | null);
  /**
   * Encoding of the chunks: AUDIO_ENCODING_PCM_S16LE or AUDIO_ENCODING_PCM_F32LE.
   */
  'encoding': (_ser_v1_AudioEncoding__Output);
  /**
   * Sample rate of the chunks.
   */
  'sampleRateHz': (number);
  /**
   * Channel count of the chunks (mixed down to mono).
   */
  'channels': (number);
  /**
   * Window length in seconds; 0 means the model's default.
   */
  'windowSeconds': (number);
  /**
   * Distance between window starts in seconds; 0 means window_seconds (no overlap).
   */
  'hopSeconds': (number);
  /**
   * True to keep these predictions out of the prediction records.
   */
  'recordOptOut': (boolean);
}
