export { FOP_ONNX_IO, buildFopClassifierGraph, type FopClassifierGraph } from './fop-classifier-onnx';
export {
  ONNX_EXPORTABLE_KINDS,
  ONNX_METADATA_KEYS,
  OnnxExportUnsupportedError,
  exportKeptModelToOnnx,
  keptModelToOnnx,
  onnxExportable,
  type ExportedModelIdentity,
} from './export-onnx';
export { OnnxGraph, type AttributeValue, type GraphValue } from './graph-builder';
export { ONNX_IR_VERSION, ONNX_OPSET } from './onnx-proto';
export { SEQUENCE_ONNX_IO } from './sequence-model-onnx';
export { KEPT_MODEL_EXPORTS_FOLDER, keptModelFolderOf, keptOnnxExport, keptOnnxExportKey } from './export-cache';
