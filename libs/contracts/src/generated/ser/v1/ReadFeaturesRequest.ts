// Original file: proto/ser/v1/features_service.proto

import type { FeatureKind as _ser_v1_FeatureKind, FeatureKind__Output as _ser_v1_FeatureKind__Output } from '../../ser/v1/FeatureKind';

/**
 * Which stored features to read.
 */
export interface ReadFeaturesRequest {
  /**
   * The dataset version to read.
   */
  'datasetVersionId'?: (string);
  /**
   * Utterances to read; empty means all, in stored order.
   */
  'utteranceIds'?: (string)[];
  /**
   * Which features to read.
   */
  'kind'?: (_ser_v1_FeatureKind);
}

/**
 * Which stored features to read.
 */
export interface ReadFeaturesRequest__Output {
  /**
   * The dataset version to read.
   */
  'datasetVersionId': (string);
  /**
   * Utterances to read; empty means all, in stored order.
   */
  'utteranceIds': (string)[];
  /**
   * Which features to read.
   */
  'kind': (_ser_v1_FeatureKind__Output);
}
