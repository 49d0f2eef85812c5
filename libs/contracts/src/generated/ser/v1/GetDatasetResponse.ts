// Original file: proto/ser/v1/features_service.proto

import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from '../../ser/v1/Dataset';
import type { DatasetVersion as _ser_v1_DatasetVersion, DatasetVersion__Output as _ser_v1_DatasetVersion__Output } from '../../ser/v1/DatasetVersion';

/**
 * A dataset, one of its versions and all of them.
 */
export interface GetDatasetResponse {
  /**
   * The dataset.
   */
  'dataset'?: (_ser_v1_Dataset | null);
  /**
   * The requested (or latest) version.
   */
  'version'?: (_ser_v1_DatasetVersion | null);
  /**
   * Every version, newest first.
   */
  'versions'?: (_ser_v1_DatasetVersion)[];
}

/**
 * A dataset, one of its versions and all of them.
 */
export interface GetDatasetResponse__Output {
  /**
   * The dataset.
   */
  'dataset': (_ser_v1_Dataset__Output | null);
  /**
   * The requested (or latest) version.
   */
  'version': (_ser_v1_DatasetVersion__Output | null);
  /**
   * Every version, newest first.
   */
  'versions': (_ser_v1_DatasetVersion__Output)[];
}
