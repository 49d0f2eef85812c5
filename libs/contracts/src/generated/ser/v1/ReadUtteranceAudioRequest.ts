// Original file: proto/ser/v1/features_service.proto


/**
 * Which stored utterance's audio to read.
 */
export interface ReadUtteranceAudioRequest {
  /**
   * The dataset version the utterance belongs to.
   */
  'datasetVersionId'?: (string);
  /**
   * The utterance's id within that version.
   */
  'utteranceId'?: (string);
}

/**
 * Which stored utterance's audio to read.
 */
export interface ReadUtteranceAudioRequest__Output {
  /**
   * The dataset version the utterance belongs to.
   */
  'datasetVersionId': (string);
  /**
   * The utterance's id within that version.
   */
  'utteranceId': (string);
}
