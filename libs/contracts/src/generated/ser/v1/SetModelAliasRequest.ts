// Original file: proto/ser/v1/model_registry_service.proto


/**
 * Which alias to move where.
 */
export interface SetModelAliasRequest {
  /**
   * Registered model name.
   */
  'name'?: (string);
  /**
   * Version the alias should point at.
   */
  'version'?: (string);
  /**
   * Alias to set (e.g. "production"); it leaves the version it pointed at before.
   */
  'alias'?: (string);
}

/**
 * Which alias to move where.
 */
export interface SetModelAliasRequest__Output {
  /**
   * Registered model name.
   */
  'name': (string);
  /**
   * Version the alias should point at.
   */
  'version': (string);
  /**
   * Alias to set (e.g. "production"); it leaves the version it pointed at before.
   */
  'alias': (string);
}
