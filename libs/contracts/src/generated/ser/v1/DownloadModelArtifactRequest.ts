// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';

/**
 * Whose kept-model files to stream.
 */
export interface DownloadModelArtifactRequest {
  /**
   * Name plus alias or version.
   */
  'model'?: (_ser_v1_ModelSelector | null);
}

/**
 * Whose kept-model files to stream.
 */
export interface DownloadModelArtifactRequest__Output {
  /**
   * Name plus alias or version.
   */
  'model': (_ser_v1_ModelSelector__Output | null);
}
