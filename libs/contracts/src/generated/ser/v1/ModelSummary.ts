// Original file: proto/ser/v1/model_registry_service.proto


/**
 * One registered model name.
 */
export interface ModelSummary {
  /**
   * Registered model name.
   */
  'name'?: (string);
  /**
   * Its newest version number.
   */
  'latestVersion'?: (number);
  /**
   * How many versions it has.
   */
  'versionCount'?: (number);
}

/**
 * One registered model name.
 */
export interface ModelSummary__Output {
  /**
   * Registered model name.
   */
  'name': (string);
  /**
   * Its newest version number.
   */
  'latestVersion': (number);
  /**
   * How many versions it has.
   */
  'versionCount': (number);
}
