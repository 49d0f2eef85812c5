// Original file: proto/ser/v1/common.proto


/**
 * Picks a model version by alias or by version; neither means alias "production".
 */
export interface ModelSelector {
  /**
   * Registered model name.
   */
  'name'?: (string);
  /**
   * An alias such as "production".
   */
  'alias'?: (string);
  /**
   * An exact version.
   */
  'version'?: (string);
  /**
   * How to pick the version.
   */
  'target'?: "alias"|"version";
}

/**
 * Picks a model version by alias or by version; neither means alias "production".
 */
export interface ModelSelector__Output {
  /**
   * Registered model name.
   */
  'name': (string);
  /**
   * An alias such as "production".
   */
  'alias'?: (string);
  /**
   * An exact version.
   */
  'version'?: (string);
  /**
   * How to pick the version.
   */
  'target'?: "alias"|"version";
}
