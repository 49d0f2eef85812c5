// Original file: proto/ser/v1/common.proto

import type { Gender as _ser_v1_Gender, Gender__Output as _ser_v1_Gender__Output } from '../../ser/v1/Gender';

/**
 * One labelled audio clip of a dataset version.
 */
export interface Utterance {
  /**
   * Stable id within the dataset version (derived from the path inside the corpus).
   */
  'id'?: (string);
  /**
   * Path of the audio file relative to the corpus root.
   */
  'path'?: (string);
  /**
   * Duration after decoding, in seconds.
   */
  'durationSeconds'?: (number | string);
  /**
   * Class label after applying the ingestion label map.
   */
  'label'?: (string);
  /**
   * Speaker id as given by the corpus; empty when unknown.
   */
  'speaker'?: (string);
  /**
   * Recording session as given by the corpus (IEMOCAP Session1..5); empty when unknown.
   */
  'session'?: (string);
  /**
   * Speaker gender; UNSPECIFIED when unknown.
   */
  'gender'?: (_ser_v1_Gender);
  /**
   * SHA-256 of the audio file bytes, hex; dedupes files and pins the version hash.
   */
  'contentHash'?: (string);
}

/**
 * One labelled audio clip of a dataset version.
 */
export interface Utterance__Output {
  /**
   * Stable id within the dataset version (derived from the path inside the corpus).
   */
  'id': (string);
  /**
   * Path of the audio file relative to the corpus root.
   */
  'path': (string);
  /**
   * Duration after decoding, in seconds.
   */
  'durationSeconds': (number);
  /**
   * Class label after applying the ingestion label map.
   */
  'label': (string);
  /**
   * Speaker id as given by the corpus; empty when unknown.
   */
  'speaker': (string);
  /**
   * Recording session as given by the corpus (IEMOCAP Session1..5); empty when unknown.
   */
  'session': (string);
  /**
   * Speaker gender; UNSPECIFIED when unknown.
   */
  'gender': (_ser_v1_Gender__Output);
  /**
   * SHA-256 of the audio file bytes, hex; dedupes files and pins the version hash.
   */
  'contentHash': (string);
}
