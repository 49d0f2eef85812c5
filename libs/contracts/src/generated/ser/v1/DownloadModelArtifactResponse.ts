// Original file: proto/ser/v1/model_registry_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One chunk of one file of a kept model.
 */
export interface DownloadModelArtifactResponse {
  /**
   * Path of the file relative to the kept model's folder (e.g. "model.json").
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
   * The chunk's bytes (at most 1 MiB); a file's last chunk ends at size_bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * One chunk of one file of a kept model.
 */
export interface DownloadModelArtifactResponse__Output {
  /**
   * Path of the file relative to the kept model's folder (e.g. "model.json").
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
   * The chunk's bytes (at most 1 MiB); a file's last chunk ends at size_bytes.
   */
  'data': (Buffer);
}
