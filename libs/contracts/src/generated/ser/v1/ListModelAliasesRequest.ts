// Original file: proto/ser/v1/model_registry_service.proto


/**
 * Whose aliases to list.
 */
export interface ListModelAliasesRequest {
  /**
   * Registered model name.
   */
  'name'?: (string);
}

/**
 * Whose aliases to list.
 */
export interface ListModelAliasesRequest__Output {
  /**
   * Registered model name.
   */
  'name': (string);
}
