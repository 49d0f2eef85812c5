export { DEFAULT_FOP_CONFIG, createFop, fopNextFrameLoss, type FopConfig, type FopModel, type FopOutput, type ForwardOptions, type NextFrameLossOptions } from './fop';
export {
  classifierLoss,
  createFopClassifier,
  fopHypercolumns,
  lengthMask,
  maskedMeanOverTime,
  type ClassifierOptions,
  type FopClassifier,
  type Hypercolumns,
} from './fop-heads';
export { countParameters, disposeVariables, type NamedVariables } from './layers/variables';
export { batchMatMul, matMul2d, matMulExplicitTranspose } from './layers/matmul';
export { decodeTensors, encodeTensors, loadVariables, saveVariables, type LoadOptions, type SavedTensors, type TensorEntry } from './serialization';
export { createRandom, mixSeed, shuffledIndices } from './random';
export { dropoutMask } from './layers/dropout-mask';
export { DEFAULT_ADAM_CONFIG, createAdam, loadAdamState, saveAdamState, type AdamConfig, type SavedOptimizerState } from './training/optimizer-state';
export { cropBatchTensor, cropBatches, type CropBatch, type CropBatchOptions } from './training/crop-batches';
export { EarlyStopping, type EarlyStoppingDecision, type EarlyStoppingOptions } from './training/early-stopping';
export {
  trainLoop,
  type BatchEndInfo,
  type BatchSource,
  type EpochMetrics,
  type StepContext,
  type TrainHooks,
  type TrainLoopOptions,
  type TrainResult,
} from './training/train-loop';
export { readCheckpoint, readCheckpointWeights, writeCheckpoint, type CheckpointContents } from './training/checkpoint-files';
export { createFopSpeedProbe, summarise, median, forwardFlops, BATCH, FRAMES, INFER_FRAMES, type Measured } from './bench/fop-speed-probe';
