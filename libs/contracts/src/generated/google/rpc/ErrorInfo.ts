// Original file: proto/google/rpc/error_details.proto


/**
 * Why an error happened, as a machine-readable reason within a domain.
 */
export interface ErrorInfo {
  /**
   * UPPER_SNAKE_CASE reason, unique within the domain (e.g. "DATASET_NOT_FOUND").
   */
  'reason'?: (string);
  /**
   * The logical grouping the reason belongs to (e.g. "ser.v1").
   */
  'domain'?: (string);
  /**
   * Extra structured facts about the error (e.g. {"resource": "dataset", "id": "..."}).
   */
  'metadata'?: ({[key: string]: string});
}

/**
 * Why an error happened, as a machine-readable reason within a domain.
 */
export interface ErrorInfo__Output {
  /**
   * UPPER_SNAKE_CASE reason, unique within the domain (e.g. "DATASET_NOT_FOUND").
   */
  'reason': (string);
  /**
   * The logical grouping the reason belongs to (e.g. "ser.v1").
   */
  'domain': (string);
  /**
   * Extra structured facts about the error (e.g. {"resource": "dataset", "id": "..."}).
   */
  'metadata': ({[key: string]: string});
}
