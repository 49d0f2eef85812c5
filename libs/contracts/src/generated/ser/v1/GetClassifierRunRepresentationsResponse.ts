// Original file: proto/ser/v1/classifier_training_service.proto

import type { UtteranceRepresentation as _ser_v1_UtteranceRepresentation, UtteranceRepresentation__Output as _ser_v1_UtteranceRepresentation__Output } from '../../ser/v1/UtteranceRepresentation';

/**
 * A run's test-utterance representations.
 */
export interface GetClassifierRunRepresentationsResponse {
  /**
   * The run id.
   */
  'runId'?: (string);
  /**
   * "deep" or "fusion": which representations the utterances carry.
   */
  'features'?: (string);
  /**
   * The utterances of every test fold of the first repeat.
   */
  'utterances'?: (_ser_v1_UtteranceRepresentation)[];
}

/**
 * A run's test-utterance representations.
 */
export interface GetClassifierRunRepresentationsResponse__Output {
  /**
   * The run id.
   */
  'runId': (string);
  /**
   * "deep" or "fusion": which representations the utterances carry.
   */
  'features': (string);
  /**
   * The utterances of every test fold of the first repeat.
   */
  'utterances': (_ser_v1_UtteranceRepresentation__Output)[];
}
