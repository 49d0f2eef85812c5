// @ser/onnx-export/testing: helpers for specs and benches that check exports, outside this library too (imported by
// that name, like the library itself). Not part of @ser/onnx-export: it pulls in vitest.
export { keepSharpFopClassifier } from './kept-fop-classifier';
export { maxAbsDiff, onnxProbabilities, paddedBatch, type BatchLayout, type PaddedBatch } from './padded-batch';
export { logMelClip, useSeededFop } from './seeded-fop';
