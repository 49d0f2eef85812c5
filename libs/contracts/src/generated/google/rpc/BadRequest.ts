// Original file: proto/google/rpc/error_details.proto


/**
 * One invalid field.
 */
export interface _google_rpc_BadRequest_FieldViolation {
  /**
   * Path to the field, dot-separated (e.g. "audio.sample_rate_hz", "dataset_version_ids.0").
   */
  'field'?: (string);
  /**
   * Why the value is invalid.
   */
  'description'?: (string);
}

/**
 * One invalid field.
 */
export interface _google_rpc_BadRequest_FieldViolation__Output {
  /**
   * Path to the field, dot-separated (e.g. "audio.sample_rate_hz", "dataset_version_ids.0").
   */
  'field': (string);
  /**
   * Why the value is invalid.
   */
  'description': (string);
}

/**
 * Which request fields were invalid and why.
 */
export interface BadRequest {
  /**
   * Every invalid field.
   */
  'fieldViolations'?: (_google_rpc_BadRequest_FieldViolation)[];
}

/**
 * Which request fields were invalid and why.
 */
export interface BadRequest__Output {
  /**
   * Every invalid field.
   */
  'fieldViolations': (_google_rpc_BadRequest_FieldViolation__Output)[];
}
