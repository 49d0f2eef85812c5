export {
  DEFAULT_ATTENTION_LSTM_CONFIG,
  attentionLstmLoss,
  createAttentionLstm,
  weightedSoftmaxCrossEntropy,
  type AttentionLstm,
  type AttentionLstmConfig,
  type AttentionLstmOptions,
  type AttentionLstmOutput,
} from './attention-lstm';
export {
  DEFAULT_FOP_CONFIG,
  createFop,
  fopNextFrameLoss,
  type FopConfig,
  type FopModel,
  type FopOutput,
  type ForwardOptions,
  type NextFrameLossOptions,
} from './fop';
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
export { chunked, createRandom, mixSeed, shuffledBatches, shuffledIndices } from './random';
export { dropoutMask } from './layers/dropout-mask';
export {
  DEFAULT_ADAM_CONFIG,
  createAdam,
  loadAdamState,
  saveAdamState,
  type AdamConfig,
  type AdamOptimizer,
  type SavedOptimizerState,
} from './training/optimizer-state';
export { FusedAdam } from './training/fused-adam';
export { DEFAULT_ADADELTA_CONFIG, FusedAdadelta, createAdadelta, type AdadeltaConfig } from './training/fused-adadelta';
export { cropBatchTensor, cropBatches, type CropBatch, type CropBatchOptions } from './training/crop-batches';
export { EarlyStopping, type EarlyStoppingDecision, type EarlyStoppingOptions } from './training/early-stopping';
export {
  trainWithEarlyStopping,
  type EarlyStoppingEpoch,
  type TrainedWithEarlyStopping,
  type TrainWithEarlyStoppingOptions,
} from './training/train-with-early-stopping';
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
export { resumeTraining, type TrainingState } from './training/resume-training';
export { createFopSpeedProbe, summarise, median, forwardFlops, BATCH, FRAMES, INFER_FRAMES, type Measured } from './bench/fop-speed-probe';
export {
  DEFAULT_VQVAE_CONFIG,
  codebookPerplexity,
  createVqvae,
  vqvaeLosses,
  type VqvaeConfig,
  type VqvaeLossOptions,
  type VqvaeLosses,
  type VqvaeModel,
  type VqvaeOutput,
} from './vqvae';
export { DEFAULT_CNN_CONFIG, createCnn, type CnnConfig, type CnnLayerConfig, type CnnModel } from './cnn';
export { DEFAULT_FUSION_CONFIG, createFusion, fusedSegmentFeatures, type FusionConfig, type FusionModel } from './fusion';
export { DEFAULT_TACN_MODEL_CONFIG, attentiveCausalConv, createTacn, tacnConfigProblems, type TacnModelConfig } from './tacn';
export { DEFAULT_TCN_CONFIG, createTcn, lastRealStep, sequenceClassifierLoss, type SequenceClassifier, type SequenceOptions, type TcnConfig } from './tcn';
export { DEFAULT_RNN_CONFIG, createRnnClassifier, type RnnConfig, type RnnVariant } from './rnn';
export { conv1d, conv1dTaps, createConv1d, repeatInTime, shiftTaps, tapOffsets, type Conv1dParams, type Conv1dShape } from './layers/conv1d';
export { conv2dSame, createConv2d, type Conv2dParams } from './layers/conv2d';
export {
  GATES,
  cellStep,
  createRecurrentCell,
  runRecurrent,
  type CellKind,
  type CellState,
  type RecurrentCellParams,
  type RecurrentRun,
} from './layers/recurrent';
export {
  codebookLoss,
  commitmentLoss,
  emaCodebookUpdate,
  nearestCodes,
  quantise,
  stopGradient,
  straightThrough,
  type EmaCodebook,
  type Quantised,
} from './layers/quantise';
export {
  createSequenceNetwork,
  sequenceNetworkConfigProblems,
  padSequences,
  utteranceMeans,
  type SequenceModelKind,
  type SequenceNetwork,
  type SequenceNetworkConfig,
} from './sequence-network';
export {
  batchHypercolumns,
  FRAME_POOLINGS,
  hypercolumnDim,
  meanOverFrames,
  pooledDim,
  poolFrames,
  type FramePooling,
  type HypercolumnRepresentation,
} from './hypercolumn-features';
