// Original file: proto/ser/v1/features_service.proto

import type { AudioData as _ser_v1_AudioData, AudioData__Output as _ser_v1_AudioData__Output } from '../../ser/v1/AudioData';
import type { FeatureKind as _ser_v1_FeatureKind, FeatureKind__Output as _ser_v1_FeatureKind__Output } from '../../ser/v1/FeatureKind';

/**
 * Audio to turn into features.
 */
export interface ExtractFeaturesRequest {
  /**
   * The audio and its format hints.
   */
  'audio'?: (_ser_v1_AudioData | null);
  /**
   * Which features to compute.
   */
  'kind'?: (_ser_v1_FeatureKind);
}

/**
 * Audio to turn into features.
 */
export interface ExtractFeaturesRequest__Output {
  /**
   * The audio and its format hints.
   */
  'audio': (_ser_v1_AudioData__Output | null);
  /**
   * Which features to compute.
   */
  'kind': (_ser_v1_FeatureKind__Output);
}
