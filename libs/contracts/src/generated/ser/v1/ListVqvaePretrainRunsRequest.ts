// Original file: proto/ser/v1/vqvae_pretrain_service.proto

import type { PageRequest as _ser_v1_PageRequest, PageRequest__Output as _ser_v1_PageRequest__Output } from '../../ser/v1/PageRequest';
import type { RunStatus as _ser_v1_RunStatus, RunStatus__Output as _ser_v1_RunStatus__Output } from '../../ser/v1/RunStatus';

/**
 * A page of the run list.
 */
export interface ListVqvaePretrainRunsRequest {
  /**
   * Which page.
   */
  'page'?: (_ser_v1_PageRequest | null);
  /**
   * Only runs with this status; UNSPECIFIED means all.
   */
  'status'?: (_ser_v1_RunStatus);
}

/**
 * A page of the run list.
 */
export interface ListVqvaePretrainRunsRequest__Output {
  /**
   * Which page.
   */
  'page': (_ser_v1_PageRequest__Output | null);
  /**
   * Only runs with this status; UNSPECIFIED means all.
   */
  'status': (_ser_v1_RunStatus__Output);
}
