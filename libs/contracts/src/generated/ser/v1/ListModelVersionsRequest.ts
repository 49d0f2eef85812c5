// Original file: proto/ser/v1/model_registry_service.proto

import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from '../../ser/v1/PageRequest';

/**
 * A page of model versions.
 */
export interface ListModelVersionsRequest {
  /**
   * Which page.
   */
  'page'?: (_ser_v1_PageRequest | null);
  /**
   * Only versions of this model name; empty means all names.
   */
  'name'?: (string);
}

/**
 * A page of model versions.
 */
export interface ListModelVersionsRequest__Output {
  /**
   * Which page.
   */
  'page': (_ser_v1_PageRequest__Output | null);
  /**
   * Only versions of this model name; empty means all names.
   */
  'name': (string);
}
