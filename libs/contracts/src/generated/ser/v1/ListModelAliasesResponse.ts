// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelAlias as _ser_v1_ModelAlias, ModelAlias__Output as _ser_v1_ModelAlias__Output } from '../../ser/v1/ModelAlias';

/**
 * A model's aliases, by alias name.
 */
export interface ListModelAliasesResponse {
  /**
   * The aliases.
   */
  'aliases'?: (_ser_v1_ModelAlias)[];
}

/**
 * A model's aliases, by alias name.
 */
export interface ListModelAliasesResponse__Output {
  /**
   * The aliases.
   */
  'aliases': (_ser_v1_ModelAlias__Output)[];
}
