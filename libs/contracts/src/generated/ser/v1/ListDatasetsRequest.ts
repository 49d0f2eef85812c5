// Original file: proto/ser/v1/features_service.proto

import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from '../../ser/v1/PageRequest';

/**
 * A page of the dataset list.
 */
export interface ListDatasetsRequest {
  /**
   * Which page.
   */
  'page'?: (_ser_v1_PageRequest | null);
  /**
   * Only datasets whose name contains this text; empty means all.
   */
  'nameContains'?: (string);
}

/**
 * A page of the dataset list.
 */
export interface ListDatasetsRequest__Output {
  /**
   * Which page.
   */
  'page': (_ser_v1_PageRequest__Output | null);
  /**
   * Only datasets whose name contains this text; empty means all.
   */
  'nameContains': (string);
}
