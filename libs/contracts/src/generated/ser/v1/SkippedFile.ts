// Original file: proto/ser/v1/common.proto


/**
 * A file that ingestion did not turn into an utterance, and why.
 */
export interface SkippedFile {
  /**
   * Path relative to the corpus root.
   */
  'path'?: (string);
  /**
   * Human-readable reason (e.g. "label 'xxx' not in label map", "cannot decode: ...").
   */
  'reason'?: (string);
}

/**
 * A file that ingestion did not turn into an utterance, and why.
 */
export interface SkippedFile__Output {
  /**
   * Path relative to the corpus root.
   */
  'path': (string);
  /**
   * Human-readable reason (e.g. "label 'xxx' not in label map", "cannot decode: ...").
   */
  'reason': (string);
}
