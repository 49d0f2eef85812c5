// Original file: proto/ser/v1/model_registry_service.proto

import type { ModelSelector as _ser_v1_ModelSelector, ModelSelector__Output as _ser_v1_ModelSelector__Output } from '../../ser/v1/ModelSelector';
import type { ExportFormat as _ser_v1_ExportFormat, ExportFormat__Output as _ser_v1_ExportFormat__Output } from '../../ser/v1/ExportFormat';

/**
 * Whose kept model to export, and to what.
 */
export interface ExportModelVersionRequest {
  /**
   * Name plus alias or version.
   */
  'model'?: (_ser_v1_ModelSelector | null);
  /**
   * The format to export to.
   */
  'format'?: (_ser_v1_ExportFormat);
}

/**
 * Whose kept model to export, and to what.
 */
export interface ExportModelVersionRequest__Output {
  /**
   * Name plus alias or version.
   */
  'model': (_ser_v1_ModelSelector__Output | null);
  /**
   * The format to export to.
   */
  'format': (_ser_v1_ExportFormat__Output);
}
