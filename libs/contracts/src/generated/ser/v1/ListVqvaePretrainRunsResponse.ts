// Original file: proto/ser/v1/vqvae_pretrain_service.proto

import type { Run as _ser_v1_Run, Run__Output as _ser_v1_Run__Output } from '../../ser/v1/Run';
import type { PageResponse as _ser_v1_PageResponse, PageResponse__Output as _ser_v1_PageResponse__Output } from '../../ser/v1/PageResponse';

/**
 * Runs of one page.
 */
export interface ListVqvaePretrainRunsResponse {
  /**
   * The runs, newest first.
   */
  'runs'?: (_ser_v1_Run)[];
  /**
   * Paging state.
   */
  'page'?: (_ser_v1_PageResponse | null);
}

/**
 * Runs of one page.
 */
export interface ListVqvaePretrainRunsResponse__Output {
  /**
   * The runs, newest first.
   */
  'runs': (_ser_v1_Run__Output)[];
  /**
   * Paging state.
   */
  'page': (_ser_v1_PageResponse__Output | null);
}
