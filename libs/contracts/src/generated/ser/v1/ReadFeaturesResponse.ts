// Original file: proto/ser/v1/features_service.proto

import type { Utterance as _ser_v1_Utterance, Utterance__Output as _ser_v1_Utterance__Output } from '../../ser/v1/Utterance';
import type { FeatureMatrix as _ser_v1_FeatureMatrix, FeatureMatrix__Output as _ser_v1_FeatureMatrix__Output } from '../../ser/v1/FeatureMatrix';

/**
 * One utterance with its features.
 */
export interface ReadFeaturesResponse {
  /**
   * The utterance's metadata and label.
   */
  'utterance'?: (_ser_v1_Utterance | null);
  /**
   * Its features.
   */
  'features'?: (_ser_v1_FeatureMatrix | null);
}

/**
 * One utterance with its features.
 */
export interface ReadFeaturesResponse__Output {
  /**
   * The utterance's metadata and label.
   */
  'utterance': (_ser_v1_Utterance__Output | null);
  /**
   * Its features.
   */
  'features': (_ser_v1_FeatureMatrix__Output | null);
}
