// Original file: proto/ser/v1/model_registry_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One chunk of the exported file.
 */
export interface ExportModelVersionResponse {
  /**
   * A file name for the export (e.g. "fop-emotion-3.onnx"), the same in every chunk.
   */
  'filename'?: (string);
  /**
   * Size of the whole file in bytes.
   */
  'sizeBytes'?: (number | string | Long);
  /**
   * Where this chunk starts in the file.
   */
  'offset'?: (number | string | Long);
  /**
   * The chunk's bytes (at most 1 MiB); the last chunk ends at size_bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * One chunk of the exported file.
 */
export interface ExportModelVersionResponse__Output {
  /**
   * A file name for the export (e.g. "fop-emotion-3.onnx"), the same in every chunk.
   */
  'filename': (string);
  /**
   * Size of the whole file in bytes.
   */
  'sizeBytes': (number);
  /**
   * Where this chunk starts in the file.
   */
  'offset': (number);
  /**
   * The chunk's bytes (at most 1 MiB); the last chunk ends at size_bytes.
   */
  'data': (Buffer);
}
