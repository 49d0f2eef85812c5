// Original file: proto/ser/v1/common.proto

import type { DatasetFormat as _ser_v1_DatasetFormat, DatasetFormat__Output as _ser_v1_DatasetFormat__Output } from '../../ser/v1/DatasetFormat';
import type { FeatureKind as _ser_v1_FeatureKind, FeatureKind__Output as _ser_v1_FeatureKind__Output } from '../../ser/v1/FeatureKind';
import type { Long } from '@grpc/proto-loader';

/**
 * One immutable snapshot of a corpus with its features; runs record these ids as lineage.
 */
export interface DatasetVersion {
  /**
   * Stable id of this version.
   */
  'id'?: (string);
  /**
   * Id of the Dataset this version belongs to.
   */
  'datasetId'?: (string);
  /**
   * Corpus name (copied from the Dataset for convenience).
   */
  'name'?: (string);
  /**
   * Hash over utterance content hashes, labels and feature settings; equal hashes mean equal data.
   */
  'versionHash'?: (string);
  /**
   * Layout the corpus was read with.
   */
  'format'?: (_ser_v1_DatasetFormat);
  /**
   * Where the corpus was read from.
   */
  'sourceUri'?: (string);
  /**
   * Number of utterances kept after ingestion.
   */
  'utteranceCount'?: (number);
  /**
   * Utterances per class label.
   */
  'classCounts'?: ({[key: string]: number});
  /**
   * Utterances per speaker.
   */
  'speakerCounts'?: ({[key: string]: number});
  /**
   * Sum of utterance durations, in seconds.
   */
  'totalDurationSeconds'?: (number | string);
  /**
   * Raw corpus label -> class label mapping applied at ingestion.
   */
  'labelMap'?: ({[key: string]: string});
  /**
   * Feature kinds computed for this version.
   */
  'featureKinds'?: (_ser_v1_FeatureKind)[];
  /**
   * When the version was created.
   */
  'createdAtMs'?: (number | string | Long);
}

/**
 * One immutable snapshot of a corpus with its features; runs record these ids as lineage.
 */
export interface DatasetVersion__Output {
  /**
   * Stable id of this version.
   */
  'id': (string);
  /**
   * Id of the Dataset this version belongs to.
   */
  'datasetId': (string);
  /**
   * Corpus name (copied from the Dataset for convenience).
   */
  'name': (string);
  /**
   * Hash over utterance content hashes, labels and feature settings; equal hashes mean equal data.
   */
  'versionHash': (string);
  /**
   * Layout the corpus was read with.
   */
  'format': (_ser_v1_DatasetFormat__Output);
  /**
   * Where the corpus was read from.
   */
  'sourceUri': (string);
  /**
   * Number of utterances kept after ingestion.
   */
  'utteranceCount': (number);
  /**
   * Utterances per class label.
   */
  'classCounts': ({[key: string]: number});
  /**
   * Utterances per speaker.
   */
  'speakerCounts': ({[key: string]: number});
  /**
   * Sum of utterance durations, in seconds.
   */
  'totalDurationSeconds': (number);
  /**
   * Raw corpus label -> class label mapping applied at ingestion.
   */
  'labelMap': ({[key: string]: string});
  /**
   * Feature kinds computed for this version.
   */
  'featureKinds': (_ser_v1_FeatureKind__Output)[];
  /**
   * When the version was created.
   */
  'createdAtMs': (number);
}
