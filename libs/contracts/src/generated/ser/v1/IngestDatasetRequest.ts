// Original file: proto/ser/v1/features_service.proto

import type { DatasetFormat as _ser_v1_DatasetFormat, DatasetFormat__Output as _ser_v1_DatasetFormat__Output } from '../../ser/v1/DatasetFormat';
import type { FeatureKind as _ser_v1_FeatureKind, FeatureKind__Output as _ser_v1_FeatureKind__Output } from '../../ser/v1/FeatureKind';

/**
 * Where a corpus is and how to read it.
 */
export interface IngestDatasetRequest {
  /**
   * Name of the dataset to create or add a version to.
   */
  'corpusName'?: (string);
  /**
   * Layout of the corpus.
   */
  'format'?: (_ser_v1_DatasetFormat);
  /**
   * Location of the corpus root (file:// URI or absolute path).
   */
  'uri'?: (string);
  /**
   * Raw label -> class label (e.g. "exc" -> "happy"); raw labels not in a non-empty map are skipped.
   */
  'labelMap'?: ({[key: string]: string});
  /**
   * Features to compute; empty means all kinds.
   */
  'featureKinds'?: (_ser_v1_FeatureKind)[];
}

/**
 * Where a corpus is and how to read it.
 */
export interface IngestDatasetRequest__Output {
  /**
   * Name of the dataset to create or add a version to.
   */
  'corpusName': (string);
  /**
   * Layout of the corpus.
   */
  'format': (_ser_v1_DatasetFormat__Output);
  /**
   * Location of the corpus root (file:// URI or absolute path).
   */
  'uri': (string);
  /**
   * Raw label -> class label (e.g. "exc" -> "happy"); raw labels not in a non-empty map are skipped.
   */
  'labelMap': ({[key: string]: string});
  /**
   * Features to compute; empty means all kinds.
   */
  'featureKinds': (_ser_v1_FeatureKind__Output)[];
}
