// TCN (Bai et al. 2018, "An empirical evaluation of generic convolutional and recurrent networks for sequence
// modeling"), a baseline of the TACN paper, and what every sequence classifier here shares: the interface,
// last-real-step pooling of a right-padded batch, and the loss. Input: per-segment feature vectors of
// utterances in time order, [batch, segments, features]; output: class logits.
import * as tf from '@tensorflow/tfjs';
import { relu } from './layers/activations';
import { conv1d, createConv1d, createWeightNormConv1d, weightNormed, type Conv1dParams, type WeightNormConv1dParams } from './layers/conv1d';
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
  tf.util.assert(
    lengths.every((n) => Number.isInteger(n) && n >= 1 && n <= time),
    () => `lengths must be integers in [1, ${time}]`,
  );
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

/** Bai et al.'s residual block around any pair of causal dilated convolutions of the same kind (TCN's or TACN's). */
export interface ResidualBlockParams<P> {
  conv1: P;
  conv2: P;
  downsample?: Conv1dParams; // 1x1 conv on the residual when channel counts differ (not weight-normalised, as Bai et al.)
}

/** One causal dilated convolution of a block: [batch, time, in] -> [batch, time, channels]. */
export type CausalConvolution<P> = (params: P, x: tf.Tensor3D, dilation: number) => tf.Tensor3D;

/**
 * Bai et al.'s residual block: two causal dilated convolutions, each with ReLU and dropout, plus the input
 * (1x1-projected if needed), then ReLU. [batch, time, in] -> [batch, time, channels].
 */
export function residualBlock<P>(
  p: ResidualBlockParams<P>,
  convolve: CausalConvolution<P>,
  x: tf.Tensor3D,
  dilation: number,
  rate: number,
  seeds: DropoutSeeds | undefined,
): tf.Tensor3D {
  const h1 = dropout(relu(convolve(p.conv1, x, dilation)), rate, seeds);
  const h2 = dropout(relu(convolve(p.conv2, h1, dilation)), rate, seeds);
  const residual = p.downsample ? conv1d(p.downsample, x, { taps: 1, dilation: 1, padding: 'causal' }) : x;
  return relu(tf.add(h2, residual));
}

/** The residual 1x1 projection a block needs when its input width differs from its channels. */
export function createDownsample(factory: VariableFactory, name: string, inUnits: number, channels: number): Conv1dParams | undefined {
  return inUnits !== channels ? createConv1d(factory, name, inUnits, channels, 1) : undefined;
}

export function createTcn(overrides: Partial<TcnConfig> = {}, seed = 0): SequenceClassifier<TcnConfig> {
  const config: TcnConfig = { ...DEFAULT_TCN_CONFIG, ...overrides };
  const factory = new VariableFactory('tcn', seed);
  // Bai et al. weight-normalise both dilated convolutions of every block: direction and length train apart.
  const blocks: ResidualBlockParams<WeightNormConv1dParams>[] = Array.from({ length: config.levels }, (_, i) => {
    const inUnits = i === 0 ? config.inputUnits : config.channels;
    return {
      conv1: createWeightNormConv1d(factory, `block${i}.conv1`, inUnits, config.channels, config.kernelSize),
      conv2: createWeightNormConv1d(factory, `block${i}.conv2`, config.channels, config.channels, config.kernelSize),
      downsample: createDownsample(factory, `block${i}.downsample`, inUnits, config.channels),
    };
  });
  const convolve: CausalConvolution<WeightNormConv1dParams> = (p, x, dilation) =>
    conv1d(weightNormed(p), x, { taps: config.kernelSize, dilation, padding: 'causal' });
  const head: DenseParams = createDense(factory, 'head', config.channels, config.numClasses);
  return {
    config,
    variables: factory.variables,
    forward: (x, options) =>
      tf.tidy(() => {
        const seeds = dropoutSeedsFor(options);
        // Causal convolutions: padding after a sequence's end never reaches its real steps.
        const h = blocks.reduce((acc, block, i) => residualBlock(block, convolve, acc, 2 ** i, config.dropout, seeds), x); // [batch, time, channels]
        return dense(head, lastRealStep(h, options.lengths)); // [batch, classes]
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}
