// Original file: proto/ser/v1/common.proto

import type { FeatureKind as _ser_v1_FeatureKind, FeatureKind__Output as _ser_v1_FeatureKind__Output } from '../../ser/v1/FeatureKind';

/**
 * A row-major float32 matrix of features for one utterance.
 */
export interface FeatureMatrix {
  /**
   * What the rows are.
   */
  'kind'?: (_ser_v1_FeatureKind);
  /**
   * Number of rows (time frames). For SPECTROGRAM_SEGMENTS, segments * segment_frames.
   */
  'frames'?: (number);
  /**
   * Number of columns (mel bands or frequency bins).
   */
  'dims'?: (number);
  /**
   * Rows per segment for SPECTROGRAM_SEGMENTS (32); 0 for LOG_MEL.
   */
  'segmentFrames'?: (number);
  /**
   * frames * dims float32 values, row-major, packed little-endian (4 bytes each). Bytes rather than
   * `repeated float`: protobufjs copies bytes in one go but encodes floats one by one, and feature reads are bulk.
   * Use encodeFeatureData / decodeFeatureData from @ser/contracts.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * A row-major float32 matrix of features for one utterance.
 */
export interface FeatureMatrix__Output {
  /**
   * What the rows are.
   */
  'kind': (_ser_v1_FeatureKind__Output);
  /**
   * Number of rows (time frames). For SPECTROGRAM_SEGMENTS, segments * segment_frames.
   */
  'frames': (number);
  /**
   * Number of columns (mel bands or frequency bins).
   */
  'dims': (number);
  /**
   * Rows per segment for SPECTROGRAM_SEGMENTS (32); 0 for LOG_MEL.
   */
  'segmentFrames': (number);
  /**
   * frames * dims float32 values, row-major, packed little-endian (4 bytes each). Bytes rather than
   * `repeated float`: protobufjs copies bytes in one go but encodes floats one by one, and feature reads are bulk.
   * Use encodeFeatureData / decodeFeatureData from @ser/contracts.
   */
  'data': (Buffer);
}
