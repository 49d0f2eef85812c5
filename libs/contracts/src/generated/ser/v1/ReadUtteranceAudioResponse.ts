// Original file: proto/ser/v1/features_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One chunk of an utterance's audio file.
 */
export interface ReadUtteranceAudioResponse {
  /**
   * The utterance's path relative to the corpus source (e.g. "Angry/SM1_F10_A010.wav"); its extension names the format.
   */
  'path'?: (string);
  /**
   * Size of the whole file in bytes.
   */
  'sizeBytes'?: (number | string | Long);
  /**
   * Where this chunk starts in the file.
   */
  'offset'?: (number | string | Long);
  /**
   * The chunk's bytes (at most 1 MiB, under gRPC's 4 MiB message limit); the last chunk ends at size_bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * One chunk of an utterance's audio file.
 */
export interface ReadUtteranceAudioResponse__Output {
  /**
   * The utterance's path relative to the corpus source (e.g. "Angry/SM1_F10_A010.wav"); its extension names the format.
   */
  'path': (string);
  /**
   * Size of the whole file in bytes.
   */
  'sizeBytes': (number);
  /**
   * Where this chunk starts in the file.
   */
  'offset': (number);
  /**
   * The chunk's bytes (at most 1 MiB, under gRPC's 4 MiB message limit); the last chunk ends at size_bytes.
   */
  'data': (Buffer);
}
