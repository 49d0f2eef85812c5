// Original file: proto/ser/v1/features_service.proto

import type { Dataset as _ser_v1_Dataset, Dataset__Output as _ser_v1_Dataset__Output } from '../../ser/v1/Dataset';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from '../../ser/v1/PageResponse';

/**
 * Datasets of one page.
 */
export interface ListDatasetsResponse {
  /**
   * The datasets, newest first.
   */
  'datasets'?: (_ser_v1_Dataset)[];
  /**
   * Paging state.
   */
  'page'?: (_ser_v1_PageResponse | null);
}

/**
 * Datasets of one page.
 */
export interface ListDatasetsResponse__Output {
  /**
   * The datasets, newest first.
   */
  'datasets': (_ser_v1_Dataset__Output)[];
  /**
   * Paging state.
   */
  'page': (_ser_v1_PageResponse__Output | null);
}
