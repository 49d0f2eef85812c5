// Original file: proto/ser/v1/common.proto

import type { AudioEncoding as _ser_v1_AudioEncoding, AudioEncoding__Output as _ser_v1_AudioEncoding__Output } from '../../ser/v1/AudioEncoding';

/**
 * A piece of audio sent by a client: a whole file or raw PCM.
 */
export interface AudioData {
  /**
   * The encoded audio (file bytes, or raw PCM for the PCM encodings).
   */
  'content'?: (Buffer | Uint8Array | string);
  /**
   * Original file name; used as a format hint and in error messages.
   */
  'filename'?: (string);
  /**
   * Encoding of content; UNSPECIFIED means detect it.
   */
  'encoding'?: (_ser_v1_AudioEncoding);
  /**
   * Sample rate of raw PCM; ignored for containers, which carry their own.
   */
  'sampleRateHz'?: (number);
  /**
   * Channel count of raw PCM; ignored for containers.
   */
  'channels'?: (number);
}

/**
 * A piece of audio sent by a client: a whole file or raw PCM.
 */
export interface AudioData__Output {
  /**
   * The encoded audio (file bytes, or raw PCM for the PCM encodings).
   */
  'content': (Buffer);
  /**
   * Original file name; used as a format hint and in error messages.
   */
  'filename': (string);
  /**
   * Encoding of content; UNSPECIFIED means detect it.
   */
  'encoding': (_ser_v1_AudioEncoding__Output);
  /**
   * Sample rate of raw PCM; ignored for containers, which carry their own.
   */
  'sampleRateHz': (number);
  /**
   * Channel count of raw PCM; ignored for containers.
   */
  'channels': (number);
}
