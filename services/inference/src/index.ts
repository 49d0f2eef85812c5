export { startInferenceService, type InferenceServiceOptions, type InferenceSettings } from './service';
export { registerModelKind, loadServableModel, registeredModelKinds, type ModelLoader, type ServableModel, type ModelFeatureKind } from './models/model-kinds';
export { DynamicBatcher, type DynamicBatcherOptions } from './batching/dynamic-batcher';
