// TCN (Bai et al. 2018, "An empirical evaluation of generic convolutional and recurrent networks for sequence
// modeling"), a baseline of the TACN paper, and what every sequence classifier here shares: the interface,
// last-real-step pooling of a right-padded batch, and the loss. Input: per-segment feature vectors of
// utterances in time order, [batch, segments, features]; output: class logits.
import * as tf from '@tensorflow/tfjs';
import { relu } from './layers/activations';
import { conv1d, createConv1d, type Conv1dParams } from './layers/conv1d';
import { createDense, dense, type DenseParams } from './layers/dense';
import { DropoutSeeds, dropout } from './layers/dropout';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';

export interface SequenceOptions {
  training: boolean;
  /** Seeds this pass's dropout masks; a fresh random one when training without it. */
  seed?: number;
  /** Real segments per utterance of a right-padded batch; all steps are real when absent. */
  lengths?: readonly number[];
}

export interface SequenceClassifier<C> {
  config: C;
  variables: NamedVariables;
  /** [batch, segments, features] -> logits [batch, classes]. */
  forward(x: tf.Tensor3D, options: SequenceOptions): tf.Tensor2D;
  dispose(): void;
}

export function dropoutSeedsFor(options: { training: boolean; seed?: number }): DropoutSeeds | undefined {
  return options.training ? new DropoutSeeds(options.seed ?? Math.floor(Math.random() * 2 ** 32)) : undefined;
}

/**
 * Each sequence's output at its last real step, as a one-hot mask times h summed over time (tf.gather's
 * gradient is missing on wasm). [batch, time, units] -> [batch, units].
 */
export function lastRealStep(h: tf.Tensor3D, lengths: readonly number[] | undefined): tf.Tensor2D {
  const [batch, time, units] = h.shape;
  if (!lengths) return tf.reshape(tf.slice(h, [0, time - 1, 0], [batch, 1, units]), [batch, units]);
  tf.util.assert(lengths.length === batch, () => `got ${lengths.length} lengths for a batch of ${batch}`);
  tf.util.assert(lengths.every((n) => Number.isInteger(n) && n >= 1 && n <= time), () => `lengths must be integers in [1, ${time}]`);
  const mask = new Float32Array(batch * time);
  lengths.forEach((n, b) => (mask[b * time + n - 1] = 1));
  return tf.sum(tf.mul(h, tf.tensor3d(mask, [batch, time, 1])), 1) as tf.Tensor2D;
}

/** Mean softmax cross-entropy of a sequence classifier on integer labels. */
export function sequenceClassifierLoss<C>(model: SequenceClassifier<C>, x: tf.Tensor3D, labels: readonly number[], options: SequenceOptions): tf.Scalar {
  return tf.tidy(() => {
    const logits = model.forward(x, options); // [batch, classes]
    const onehot = tf.oneHot(tf.tensor1d(labels as number[], 'int32'), logits.shape[1]); // [batch, classes]
    return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
  });
}

export interface TcnConfig {
  inputUnits: number;
  channels: number;
  levels: number;
  kernelSize: number;
  dropout: number;
  numClasses: number;
}

export const DEFAULT_TCN_CONFIG: TcnConfig = {
  inputUnits: 256, // DEFAULT_FUSION_CONFIG.outputUnits: the fused segment features
  channels: 64, // 64: hidden channels per level, project choice (same as our TACN for a like-for-like baseline)
  levels: 8, // 8 levels with dilations 1..128, matching the TACN paper's 8 layers
  kernelSize: 3, // 3: as the TACN paper's dilated convolutions
  dropout: 0.2, // 0.2: within Bai et al.'s range (0.05-0.25), project choice
  numClasses: 4, // IEMOCAP's 4 classes (angry, happy+excited, sad, neutral)
};

interface TemporalBlockParams {
  conv1: Conv1dParams;
  conv2: Conv1dParams;
  downsample?: Conv1dParams; // 1x1 conv on the residual when channel counts differ
}

/**
 * Bai et al.'s residual block: two causal dilated convolutions, each with ReLU and dropout, plus the input
 * (1x1-projected if needed), then ReLU. Weight normalisation is left out (it reparameterises, it does not change
 * what the block computes). [batch, time, in] -> [batch, time, channels].
 */
function temporalBlock(p: TemporalBlockParams, x: tf.Tensor3D, dilation: number, c: TcnConfig, seeds: DropoutSeeds | undefined): tf.Tensor3D {
  const shape = { taps: c.kernelSize, dilation, padding: 'causal' as const };
  const h1 = dropout(relu(conv1d(p.conv1, x, shape)), c.dropout, seeds);
  const h2 = dropout(relu(conv1d(p.conv2, h1, shape)), c.dropout, seeds);
  const residual = p.downsample ? conv1d(p.downsample, x, { taps: 1, dilation: 1, padding: 'causal' }) : x;
  return relu(tf.add(h2, residual));
}

export function createTcn(overrides: Partial<TcnConfig> = {}, seed = 0): SequenceClassifier<TcnConfig> {
  const config: TcnConfig = { ...DEFAULT_TCN_CONFIG, ...overrides };
  const factory = new VariableFactory('tcn', seed);
  const blocks: TemporalBlockParams[] = Array.from({ length: config.levels }, (_, i) => {
    const inUnits = i === 0 ? config.inputUnits : config.channels;
    return {
      conv1: createConv1d(factory, `block${i}.conv1`, inUnits, config.channels, config.kernelSize),
      conv2: createConv1d(factory, `block${i}.conv2`, config.channels, config.channels, config.kernelSize),
      downsample: inUnits !== config.channels ? createConv1d(factory, `block${i}.downsample`, inUnits, config.channels, 1) : undefined,
    };
  });
  const head: DenseParams = createDense(factory, 'head', config.channels, config.numClasses);
  return {
    config,
    variables: factory.variables,
    forward: (x, options) =>
      tf.tidy(() => {
        const seeds = dropoutSeedsFor(options);
        // Causal convolutions: padding after a sequence's end never reaches its real steps.
        const h = blocks.reduce((acc, block, i) => temporalBlock(block, acc, 2 ** i, config, seeds), x); // [batch, time, channels]
        return dense(head, lastRealStep(h, options.lengths)); // [batch, classes]
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}
