// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelVersion as _ser_v1_ModelVersion, ModelVersion__Output as _ser_v1_ModelVersion__Output } from '../../ser/v1/ModelVersion';

/**
 * A model card in both of its forms.
 */
export interface GetModelCardResponse {
  /**
   * The version the card describes.
   */
  'modelVersion'?: (_ser_v1_ModelVersion | null);
  /**
   * The card as JSON (schema of @ser/model-artifacts' modelCardSchema).
   */
  'cardJson'?: (string);
  /**
   * The card as Markdown, for people.
   */
  'cardMarkdown'?: (string);
}

/**
 * A model card in both of its forms.
 */
export interface GetModelCardResponse__Output {
  /**
   * The version the card describes.
   */
  'modelVersion': (_ser_v1_ModelVersion__Output | null);
  /**
   * The card as JSON (schema of @ser/model-artifacts' modelCardSchema).
   */
  'cardJson': (string);
  /**
   * The card as Markdown, for people.
   */
  'cardMarkdown': (string);
}
