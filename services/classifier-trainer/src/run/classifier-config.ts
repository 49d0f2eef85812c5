// The classifier run config lives in @ser/runs (libs/runs/src/configs/classifier-config.ts): the gateway validates
// a run with it when it queues one while no trainer is up. Re-exported for the trainer's own modules.
export {
  classifierRunConfigSchema,
  fineTuneRunConfigSchema,
  hypercolumnRunConfigSchema,
  sequenceModelRunConfigSchema,
  maxEpochsPerFold,
  FOP_ARCHITECTURE_KEYS,
  FEATURE_NORMALIZATIONS,
  HYPERCOLUMN_REPRESENTATIONS,
  SEQUENCE_MODELS,
  STORED_SEGMENT_HOP,
  type ClassifierRunConfig,
  type FineTuneRunConfig,
  type FeatureNormalization,
  type HypercolumnRepresentation,
  type HypercolumnRunConfig,
  type SequenceModelName,
  type SequenceModelRunConfig,
} from '@ser/runs';
