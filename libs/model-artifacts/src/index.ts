export {
  KEPT_MODEL_FORMAT_VERSION,
  KEPT_MODEL_KINDS,
  fopClassifierModelSchema,
  hypercolumnAttentionLstmModelSchema,
  hypercolumnClassicalModelSchema,
  keptModelSchema,
  sequenceModelSchema,
  type KeptModel,
  type KeptModelKind,
  type KeptModelOfKind,
} from './kept-model-schema';
export { KEPT_MODEL_FILE, readKeptModel, readKeptWeights, writeKeptModel, type KeptModelDraft } from './kept-model-files';
export { KeptModelFormatError, UnknownKeptModelKindError, parseKeptModel } from './parse-kept-model';
export { WEIGHTS_FORMATS, decodeWeightsFile, encodeWeightsFile, weightsRefSchema, type WeightsFormat, type WeightsRef } from './weights-file';
export {
  SAFETENSORS_DTYPE_BYTES,
  SafetensorsError,
  decodeSafetensors,
  encodeSafetensors,
  type DecodedSafetensors,
  type SafetensorsDtype,
  type SafetensorsTensor,
} from './safetensors';
export {
  MODEL_CARD_JSON,
  MODEL_CARD_MARKDOWN,
  inputSignatureOf,
  modelCardSchema,
  readModelCard,
  writeModelCard,
  type InputSignature,
  type ModelCard,
} from './model-card';
export { renderModelCard } from './model-card-markdown';
