// Original file: proto/ser/v1/inference_service.proto

import type { PredictStreamConfig as _ser_v1_PredictStreamConfig, PredictStreamConfig__Output as _ser_v1_PredictStreamConfig__Output } from '../../ser/v1/PredictStreamConfig';

/**
 * A message of the client stream: the config first, then audio chunks.
 */
export interface PredictStreamRequest {
  /**
   * Stream settings; only in the first message.
   */
  'config'?: (_ser_v1_PredictStreamConfig | null);
  /**
   * Next chunk of raw PCM in the configured encoding.
   */
  'audioChunk'?: (Buffer | Uint8Array | string);
  /**
   * Config or audio.
   */
  'payload'?: "config"|"audioChunk";
}

/**
 * A message of the client stream: the config first, then audio chunks.
 */
export interface PredictStreamRequest__Output {
  /**
   * Stream settings; only in the first message.
   */
  'config'?: (_ser_v1_PredictStreamConfig__Output | null);
  /**
   * Next chunk of raw PCM in the configured encoding.
   */
  'audioChunk'?: (Buffer);
  /**
   * Config or audio.
   */
  'payload'?: "config"|"audioChunk";
}
