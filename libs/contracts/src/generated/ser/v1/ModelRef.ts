// Original file: proto/ser/v1/common.proto


/**
 * A reference to one concrete model version.
 */
export interface ModelRef {
  /**
   * Registered model name.
   */
  'name'?: (string);
  /**
   * Version within the name (monotonic, e.g. "3").
   */
  'version'?: (string);
}

/**
 * A reference to one concrete model version.
 */
export interface ModelRef__Output {
  /**
   * Registered model name.
   */
  'name': (string);
  /**
   * Version within the name (monotonic, e.g. "3").
   */
  'version': (string);
}
