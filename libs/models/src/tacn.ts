// TACN, the temporal attention convolutional network of the TACN paper (eqs. 3-7): 8 layers of causal dilated
// 1-D convolutions (kernel 3, dilation 2^n) in which multi-head self-attention, rather than a plain sum, weighs
// each step's dilated taps; TCN-style residual connections. Read bottom-up: one attentive convolution, one
// residual layer, the classifier.
import * as tf from '@tensorflow/tfjs';
import { relu } from './layers/activations';
import { conv1d, conv1dTaps, createConv1d, type Conv1dParams } from './layers/conv1d';
import { createDense, dense, type DenseParams } from './layers/dense';
import { dropout, type DropoutSeeds } from './layers/dropout';
import { VariableFactory, disposeVariables } from './layers/variables';
import { dropoutSeedsFor, lastRealStep, type SequenceClassifier } from './tcn';

export interface TacnModelConfig {
  inputUnits: number;
  channels: number;
  layers: number;
  kernelSize: number;
  numHeads: number;
  dropout: number;
  numClasses: number;
}

export const DEFAULT_TACN_MODEL_CONFIG: TacnModelConfig = {
  inputUnits: 256, // DEFAULT_FUSION_CONFIG.outputUnits: the fused segment features
  channels: 64, // 64: width of every layer, project choice (8 heads of 8)
  layers: 8, // 8 layers, dilation 2^n for n = 0..7, TACN paper sec. 2.2
  kernelSize: 3, // 3 taps per dilated convolution, TACN paper sec. 2.2
  numHeads: 8, // 8 attention heads, TACN paper sec. 2.2
  dropout: 0.2, // 0.2: after each layer, as our TCN baseline, project choice
  numClasses: 4, // IEMOCAP's 4 classes (angry, happy+excited, sad, neutral)
};

interface AttentiveConvParams {
  taps: Conv1dParams; // per-tap value projections W_j and the bias
  query: DenseParams; // q_t = x_t W_q: what step t looks for among its taps
}

/**
 * One attentive dilated causal convolution. The k taps v_{t,j} = x_{t-(k-1-j)d} W_j (the terms a convolution
 * would sum) are weighed per head by softmax_j(q_t . v_{t,j} / sqrt(d_h)), then summed:
 * y_t = concat_h sum_j a^h_{t,j} v^h_{t,j} + b. [batch, time, in] -> [batch, time, channels].
 */
export function attentiveCausalConv(p: AttentiveConvParams, x: tf.Tensor3D, dilation: number, numHeads: number): tf.Tensor3D {
  const [batch, time, inUnits] = x.shape;
  const channels = p.taps.bias.shape[0]!;
  const taps = p.taps.kernel.shape[1]! / channels;
  const headUnits = channels / numHeads;
  const rows = batch * time;
  const values = tf.reshape(conv1dTaps(p.taps, x, { taps, dilation, padding: 'causal' }), [rows, taps, numHeads, headUnits]);
  const query = tf.reshape(dense(p.query, tf.reshape(x, [rows, inUnits])), [rows, 1, numHeads, headUnits]);
  const scores = tf.div(tf.sum(tf.mul(values, query), 3), Math.sqrt(headUnits)); // [rows, taps, heads]
  const weights = tf.transpose(tf.softmax(tf.transpose(scores, [0, 2, 1])), [0, 2, 1]); // softmax over taps
  const attended = tf.sum(tf.mul(values, tf.expandDims(weights, 3)), 1); // [rows, heads, headUnits]
  return tf.add(tf.reshape(attended, [batch, time, channels]), p.taps.bias) as tf.Tensor3D;
}

interface TacnLayerParams {
  conv: AttentiveConvParams;
  residual?: Conv1dParams; // 1x1 projection when the input width differs (first layer)
}

/** out = relu(residual(x) + dropout(relu(attentiveConv(x)))), as a TCN residual block. */
function tacnLayer(p: TacnLayerParams, x: tf.Tensor3D, dilation: number, c: TacnModelConfig, seeds: DropoutSeeds | undefined): tf.Tensor3D {
  const h = dropout(relu(attentiveCausalConv(p.conv, x, dilation, c.numHeads)), c.dropout, seeds); // [batch, time, channels]
  const residual = p.residual ? conv1d(p.residual, x, { taps: 1, dilation: 1, padding: 'causal' }) : x;
  return relu(tf.add(h, residual));
}

export function createTacn(overrides: Partial<TacnModelConfig> = {}, seed = 0): SequenceClassifier<TacnModelConfig> {
  const config: TacnModelConfig = { ...DEFAULT_TACN_MODEL_CONFIG, ...overrides };
  tf.util.assert(config.channels % config.numHeads === 0, () => `channels (${config.channels}) must divide into ${config.numHeads} heads`);
  const factory = new VariableFactory('tacn', seed);
  const layers: TacnLayerParams[] = Array.from({ length: config.layers }, (_, i) => {
    const inUnits = i === 0 ? config.inputUnits : config.channels;
    return {
      conv: {
        taps: createConv1d(factory, `layer${i}.taps`, inUnits, config.channels, config.kernelSize),
        query: createDense(factory, `layer${i}.query`, inUnits, config.channels),
      },
      residual: inUnits !== config.channels ? createConv1d(factory, `layer${i}.residual`, inUnits, config.channels, 1) : undefined,
    };
  });
  const head = createDense(factory, 'head', config.channels, config.numClasses);
  return {
    config,
    variables: factory.variables,
    forward: (x, options) =>
      tf.tidy(() => {
        tf.util.assert(x.shape[2] === config.inputUnits, () => `TACN expects ${config.inputUnits} features per segment, got ${x.shape[2]}`);
        const seeds = dropoutSeedsFor(options);
        // Causal throughout: padding after a sequence's end never reaches its real steps.
        const h = layers.reduce((acc, layer, i) => tacnLayer(layer, acc, 2 ** i, config, seeds), x); // [batch, time, channels]
        return dense(head, lastRealStep(h, options.lengths)); // [batch, classes]
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}
