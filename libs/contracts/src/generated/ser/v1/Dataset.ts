// Original file: proto/ser/v1/common.proto

import type { DatasetFormat as _ser_v1_DatasetFormat, DatasetFormat__Output as _ser_v1_DatasetFormat__Output } from '../../ser/v1/DatasetFormat';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from '../../ser/v1/DatasetVersion';
import type { Long } from '@grpc/proto-loader';

/**
 * An ingested corpus: the stable identity that versions hang off.
 */
export interface Dataset {
  /**
   * Stable id.
   */
  'id'?: (string);
  /**
   * Corpus name given at ingestion (unique).
   */
  'name'?: (string);
  /**
   * Layout of the corpus.
   */
  'format'?: (_ser_v1_DatasetFormat);
  /**
   * Where the corpus was read from (file:// or a path).
   */
  'sourceUri'?: (string);
  /**
   * Newest version; unset until the first ingestion finishes.
   */
  'latestVersion'?: (_ser_v1_DatasetVersion | null);
  /**
   * How many versions exist.
   */
  'versionCount'?: (number);
  /**
   * When the dataset was first ingested.
   */
  'createdAtMs'?: (number | string | Long);
}

/**
 * An ingested corpus: the stable identity that versions hang off.
 */
export interface Dataset__Output {
  /**
   * Stable id.
   */
  'id': (string);
  /**
   * Corpus name given at ingestion (unique).
   */
  'name': (string);
  /**
   * Layout of the corpus.
   */
  'format': (_ser_v1_DatasetFormat__Output);
  /**
   * Where the corpus was read from (file:// or a path).
   */
  'sourceUri': (string);
  /**
   * Newest version; unset until the first ingestion finishes.
   */
  'latestVersion': (_ser_v1_DatasetVersion__Output | null);
  /**
   * How many versions exist.
   */
  'versionCount': (number);
  /**
   * When the dataset was first ingested.
   */
  'createdAtMs': (number);
}
