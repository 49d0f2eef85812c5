export { startClassifierTrainerService } from './service';
// The sequence-model training pieces, for probes and benches that train the trainer's own network in-process
// (test/acceptance/tacn-probe.ts).
export { sequenceModelRunConfigSchema, type SequenceModelRunConfig } from './run/classifier-config';
export { createOptimizer, predictSequences, trainSequenceFold, trainingLogits, type SequenceData } from './methods/sequence/sequence-fold';
export { createSequenceNetwork, resolveNetworkConfig } from './methods/sequence/sequence-network';
export { binStatistics, selectSegments, type SegmentSequence } from './methods/sequence/sequence-segments';
