// Original file: proto/ser/v1/model_registry_service.proto

/**
 * A format a kept model exports to.
 */
export const ExportFormat = {
  /**
   * Not set; refused as INVALID_ARGUMENT.
   */
  EXPORT_FORMAT_UNSPECIFIED: 'EXPORT_FORMAT_UNSPECIFIED',
  /**
   * ONNX, opset 17 (@ser/onnx-export): the class names and the front end's settings are in its metadata_props.
   */
  EXPORT_FORMAT_ONNX: 'EXPORT_FORMAT_ONNX',
} as const;

/**
 * A format a kept model exports to.
 */
export type ExportFormat =
  /**
   * Not set; refused as INVALID_ARGUMENT.
   */
  | 'EXPORT_FORMAT_UNSPECIFIED'
  | 0
  /**
   * ONNX, opset 17 (@ser/onnx-export): the class names and the front end's settings are in its metadata_props.
   */
  | 'EXPORT_FORMAT_ONNX'
  | 1

/**
 * A format a kept model exports to.
 */
export type ExportFormat__Output = typeof ExportFormat[keyof typeof ExportFormat]
