// Original file: proto/ser/v1/features_service.proto

import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from '../../ser/v1/FeatureMatrix';

/**
 * Features of the audio in ExtractFeaturesRequest.
 */
export interface ExtractFeaturesResponse {
  /**
   * The feature matrix.
   */
  'features'?: (_ser_v1_FeatureMatrix | null);
  /**
   * Duration of the decoded audio, in seconds.
   */
  'durationSeconds'?: (number | string);
  /**
   * Sample rate the features were computed at (16000).
   */
  'sampleRateHz'?: (number);
}

/**
 * Features of the audio in ExtractFeaturesRequest.
 */
export interface ExtractFeaturesResponse__Output {
  /**
   * The feature matrix.
   */
  'features': (_ser_v1_FeatureMatrix__Output | null);
  /**
   * Duration of the decoded audio, in seconds.
   */
  'durationSeconds': (number);
  /**
   * Sample rate the features were computed at (16000).
   */
  'sampleRateHz': (number);
}
