// The kept models test/bench/onnx-python.ts exports and checks in Python: one per exported kind and recipe that
// matters. Each writes its model.json and weights under `prefix`; the reference is then what the inference service
// serves for it on TensorFlow.js (loadServableModel under SER_INFERENCE_RUNTIME=tfjs).
import * as tf from '@tensorflow/tfjs';
import type { ArtifactStore } from '@ser/artifacts';
import { createLogMel, synthesizeTestSignal } from '@ser/audio';
import { createClassicalClassifier, type ClassicalClassifierConfig } from '@ser/classical';
import { writeKeptModel } from '@ser/model-artifacts';
import {
  DEFAULT_CNN_CONFIG,
  batchHypercolumns,
  createAttentionLstm,
  createFop,
  createFopClassifier,
  hypercolumnDim,
  createSequenceNetwork,
  createVqvae,
  poolFrames,
  saveVariables,
  type FopModel,
  type FramePooling,
  type HypercolumnRepresentation,
  type SequenceNetworkConfig,
} from '@ser/models';

export const BENCH_CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const lineage = { runId: 'bench', datasetVersionId: 'bench', pretrainedCheckpointId: null };

export interface OnnxBenchCase {
  name: string;
  keep(artifacts: ArtifactStore, prefix: string): Promise<void>;
}

/** A classical classifier on 20 generated utterances' pooled hypercolumns (labels 0-3 in turn), kept with its FOP. */
async function keepHypercolumnClassical(
  artifacts: ArtifactStore,
  prefix: string,
  fop: FopModel,
  recipe: { representation: HypercolumnRepresentation; pooling: FramePooling; classifier: ClassicalClassifierConfig },
): Promise<void> {
  const logMel = createLogMel();
  const training = Array.from(
    { length: 20 },
    (_, i) => logMel.compute(synthesizeTestSignal({ sampleRate: 16000, seconds: 0.5 + (i % 5) * 0.1, seed: 60 + i })).data,
  );
  const dim = hypercolumnDim(fop.config, recipe.representation);
  const frames = training.map((x) => x.length / fop.config.nMels);
  const rows = batchHypercolumns(fop, training, frames, recipe.representation).map((s) => Array.from(poolFrames(s, dim, recipe.pooling)));
  const classifier = createClassicalClassifier(recipe.classifier);
  classifier.fit(
    rows,
    rows.map((_, i) => i % BENCH_CLASSES.length),
  );
  await writeKeptModel(artifacts, prefix, {
    kind: 'fop-hypercolumn-classical',
    classes: BENCH_CLASSES,
    fop: { config: fop.config, weights: saveVariables(fop.variables) },
    representation: recipe.representation,
    pooling: recipe.pooling,
    classifier: classifier.toJSON(),
    lineage,
  });
  classifier.dispose();
}

/** Per-feature z-scoring of `dim` features, the same statistics for each (a kept model stores the training ones). */
const flatStandardizer = (dim: number, mean: number, std: number) => ({ mean: Array<number>(dim).fill(mean), std: Array<number>(dim).fill(std) });

/** A sequence-model over 32x129 segments as a run keeps it (default widths), seeded weights; fusion with a default VQ-VAE. */
async function keepSequenceModel(artifacts: ArtifactStore, prefix: string, sequenceModel: 'tacn' | 'bilstm', features: 'deep' | 'fusion'): Promise<void> {
  const vqvae = features === 'fusion' ? createVqvae({}, 3) : undefined;
  const fusion = vqvae ? { deepUnits: DEFAULT_CNN_CONFIG.representationUnits, latentUnits: vqvae.latentUnits, outputUnits: 256 } : null;
  const inputUnits = fusion ? fusion.outputUnits : DEFAULT_CNN_CONFIG.representationUnits;
  const classifier =
    sequenceModel === 'tacn' ? { inputUnits, numClasses: BENCH_CLASSES.length } : { variant: 'bilstm', inputUnits, numClasses: BENCH_CLASSES.length };
  const config: SequenceNetworkConfig = { sequenceModel, cnn: DEFAULT_CNN_CONFIG, fusion, classifier };
  const network = createSequenceNetwork(config, 4);
  network.variables['classifier.head.kernel']!.assign(tf.mul(network.variables['classifier.head.kernel']!, 8)); // spread the probabilities
  await writeKeptModel(artifacts, prefix, {
    kind: 'sequence-model',
    classes: BENCH_CLASSES,
    sequenceModel,
    features,
    segments: { frames: 32, bins: 129, hopSamples: 2120, maxSegments: 40 },
    standardizer: flatStandardizer(129, -4, 2), // log-magnitudes sit around -4
    network: config,
    weights: saveVariables(network.variables),
    vqvae: vqvae ? { config: vqvae.config, normalisation: flatStandardizer(129, -3, 3), weights: saveVariables(vqvae.variables) } : null,
    bestEpoch: 0,
    lineage: { runId: 'bench', datasetVersionId: 'bench', vqvaeCheckpointId: null },
  });
  network.dispose();
  vqvae?.dispose();
}

export const ONNX_BENCH_CASES: OnnxBenchCase[] = [
  {
    name: 'fop-classifier (paper-size FOP)',
    async keep(artifacts, prefix) {
      const fop = createFop({}, 7);
      const classifier = createFopClassifier(fop, BENCH_CLASSES.length, 8);
      classifier.variables['head.kernel']!.assign(tf.mul(classifier.variables['head.kernel']!, 4)); // spread the probabilities
      await writeKeptModel(artifacts, prefix, {
        kind: 'fop-classifier',
        classes: BENCH_CLASSES,
        fop: fop.config,
        weights: saveVariables(classifier.variables),
        bestEpoch: 0,
        lineage,
      });
      classifier.dispose();
      fop.dispose();
    },
  },
  {
    name: 'fop-hypercolumn-classical: h2, mean-std, RBF SVM with Platt probabilities (paper-size FOP; the production recipe)',
    async keep(artifacts, prefix) {
      const fop = createFop({}, 7);
      await keepHypercolumnClassical(artifacts, prefix, fop, {
        representation: 'h2',
        pooling: 'mean-std',
        classifier: { kind: 'svm', kernel: 'rbf', C: 4, probability: true },
      });
      fop.dispose();
    },
  },
  {
    name: 'fop-hypercolumn-classical: F, mean-std, random forest (the log-mel baseline)',
    async keep(artifacts, prefix) {
      const fop = createFop({}, 7);
      await keepHypercolumnClassical(artifacts, prefix, fop, {
        representation: 'F',
        pooling: 'mean-std',
        classifier: { kind: 'random-forest', nEstimators: 50, seed: 1 },
      });
      fop.dispose();
    },
  },
  {
    name: 'fop-hypercolumn-attention-lstm: concat, LSTM 128 (paper-size FOP)',
    async keep(artifacts, prefix) {
      const fop = createFop({}, 7);
      const dim = hypercolumnDim(fop.config, 'concat');
      const lstm = createAttentionLstm({ inputDim: dim, numClasses: BENCH_CLASSES.length }, 9);
      lstm.variables['output.kernel']!.assign(tf.mul(lstm.variables['output.kernel']!, 12)); // spread the probabilities
      await writeKeptModel(artifacts, prefix, {
        kind: 'fop-hypercolumn-attention-lstm',
        classes: BENCH_CLASSES,
        fop: { config: fop.config, weights: saveVariables(fop.variables) },
        representation: 'concat',
        maxFrames: 400,
        standardizer: {
          mean: Array.from({ length: dim }, (_, j) => (j < fop.config.nMels ? -5 : 0)),
          std: Array.from({ length: dim }, (_, j) => (j < fop.config.nMels ? 3 : 1)),
        },
        attentionLstm: { config: lstm.config, weights: saveVariables(lstm.variables) },
        bestEpoch: 0,
        lineage,
      });
      lstm.dispose();
      fop.dispose();
    },
  },
  {
    name: 'sequence-model: fusion TACN (default widths: 8 layers x 64 channels, VQ-VAE 512 x 64 codes)',
    keep: (artifacts, prefix) => keepSequenceModel(artifacts, prefix, 'tacn', 'fusion'),
  },
  { name: 'sequence-model: deep BiLSTM (128 units)', keep: (artifacts, prefix) => keepSequenceModel(artifacts, prefix, 'bilstm', 'deep') },
];
