// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from '../../ser/v1/PageResponse';

/**
 * Model versions of one page.
 */
export interface ListModelVersionsResponse {
  /**
   * The versions, newest first.
   */
  'modelVersions'?: (_ser_v1_ModelVersion)[];
  /**
   * Paging state.
   */
  'page'?: (_ser_v1_PageResponse | null);
  /**
   * page_tokens[i] resumes the listing after model_versions[i] (a cursor per item, for Relay-style paging).
   */
  'pageTokens'?: (string)[];
}

/**
 * Model versions of one page.
 */
export interface ListModelVersionsResponse__Output {
  /**
   * The versions, newest first.
   */
  'modelVersions': (_ser_v1_ModelVersion__Output)[];
  /**
   * Paging state.
   */
  'page': (_ser_v1_PageResponse__Output | null);
  /**
   * page_tokens[i] resumes the listing after model_versions[i] (a cursor per item, for Relay-style paging).
   */
  'pageTokens': (string)[];
}
