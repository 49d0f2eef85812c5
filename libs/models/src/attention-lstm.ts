// Attention-LSTM classifier over a sequence of feature vectors (the FOP paper's third hypercolumn classifier):
// an LSTM reads the frames, additive attention pools its outputs over the real frames, a softmax layer
// classifies. Variables + pure functions (no tf.layers), so it trains alike on the cpu, wasm and node backends.
// Read bottom-up: config, the attention pooling, the model, the loss. The LSTM is layers/recurrent's cell.
import * as tf from '@tensorflow/tfjs';
import { lengthMask } from './fop-heads';
import { createDense, dense, type DenseParams } from './layers/dense';
import { DropoutSeeds, dropout } from './layers/dropout';
import { matMul2d } from './layers/matmul';
import { createRecurrentCell, runRecurrent } from './layers/recurrent';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';

export interface AttentionLstmConfig {
  inputDim: number;
  numClasses: number;
  units: number;
  attentionUnits: number;
  dropout: number;
}

export const DEFAULT_ATTENTION_LSTM_CONFIG: Omit<AttentionLstmConfig, 'inputDim' | 'numClasses'> = {
  units: 128, // 128: LSTM width; no paper value (FOP paper sec. 4.3 names the classifier only), a common SER size
  attentionUnits: 64, // 64: width of the additive-attention scorer (Bahdanau et al. 2015 style); no paper value
  dropout: 0.2, // 0.2: on the pooled vector, the FOP paper's one dropout rate (sec. 4.1)
};

export interface AttentionLstmOptions {
  training: boolean;
  /** Real frames per sequence of a right-padded batch; padded frames get no attention. */
  lengths?: readonly number[];
  /** Seeds the dropout mask when training (a fresh random one without it). */
  seed?: number;
}

export interface AttentionLstmOutput {
  logits: tf.Tensor2D; // [batch, classes]
  probabilities: tf.Tensor2D; // [batch, classes]
  attention: tf.Tensor2D; // [batch, frames]: weights over time, 0 on padding, each row sums to 1
}

export interface AttentionLstm {
  config: AttentionLstmConfig;
  variables: NamedVariables;
  forward(x: tf.Tensor3D, options: AttentionLstmOptions): AttentionLstmOutput;
  dispose(): void;
}

interface AttentionParams {
  score: DenseParams; // [units, attentionUnits]
  context: tf.Variable; // [attentionUnits, 1]: the scorer's v
}

/**
 * Additive attention pooling: e_t = v . tanh(W h_t + b), a = softmax over the real frames, pooled = sum_t a_t h_t.
 * Returns the pooled vectors [batch, units] and the weights [batch, frames].
 */
function attentionPool(params: AttentionParams, h: tf.Tensor3D, lengths: readonly number[] | undefined): { pooled: tf.Tensor2D; weights: tf.Tensor2D } {
  const [batch, frames, units] = h.shape;
  const hidden = tf.tanh(dense(params.score, tf.reshape(h, [batch * frames, units]))); // [batch * frames, attentionUnits]
  let scores = tf.reshape(matMul2d(hidden, params.context as tf.Tensor2D), [batch, frames]) as tf.Tensor2D; // [batch, frames]
  if (lengths) {
    tf.util.assert(lengths.length === batch, () => `got ${lengths.length} lengths for a batch of ${batch}`);
    tf.util.assert(
      lengths.every((n) => n >= 1),
      () => 'every sequence needs at least one frame',
    );
    const mask = tf.reshape(lengthMask(lengths, frames), [batch, frames]); // [batch, frames]
    scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)); // padded frames get exp(-1e9) = 0 weight
  }
  const weights = tf.softmax(scores) as tf.Tensor2D; // [batch, frames]
  const pooled = tf.sum(tf.mul(h, tf.expandDims(weights, 2)), 1) as tf.Tensor2D; // [batch, units]
  return { pooled, weights };
}

/** Builds an attention-LSTM classifier (config merged over DEFAULT_ATTENTION_LSTM_CONFIG once), seeded weights. */
export function createAttentionLstm(config: Pick<AttentionLstmConfig, 'inputDim' | 'numClasses'> & Partial<AttentionLstmConfig>, seed = 0): AttentionLstm {
  const c: AttentionLstmConfig = { ...DEFAULT_ATTENTION_LSTM_CONFIG, ...config };
  tf.util.assert(Number.isInteger(c.numClasses) && c.numClasses >= 2, () => `numClasses must be an integer >= 2, got ${c.numClasses}`);
  tf.util.assert(c.dropout >= 0 && c.dropout < 1, () => `dropout must be in [0, 1), got ${c.dropout}`);
  const factory = new VariableFactory('attention_lstm', seed);
  // Forget-gate bias 1 (Jozefowicz et al. 2015): the cell remembers by default, so gradients reach early frames.
  const recurrent = createRecurrentCell(factory, 'lstm', 'lstm', c.inputDim, c.units, { forgetBias: 1 });
  const attention: AttentionParams = {
    score: createDense(factory, 'attention.score', c.units, c.attentionUnits),
    context: factory.glorot('attention.context', [c.attentionUnits, 1]),
  };
  const output = createDense(factory, 'output', c.units, c.numClasses);
  return {
    config: c,
    variables: factory.variables,
    forward: (x, options) =>
      tf.tidy(() => {
        tf.util.assert(x.shape[2] === c.inputDim, () => `attention-LSTM expects ${c.inputDim} features per frame, got ${x.shape[2]}`);
        const seeds = options.training ? new DropoutSeeds(options.seed ?? Math.floor(Math.random() * 2 ** 32)) : undefined;
        // No lengths needed here: the LSTM only runs forwards, so padded frames never change the outputs at real
        // frames, and the attention pooling gives padding no weight.
        const h = runRecurrent(recurrent, x).outputs; // [batch, frames, units]
        const { pooled, weights } = attentionPool(attention, h, options.lengths);
        const logits = dense(output, dropout(pooled, c.dropout, seeds)); // [batch, classes]
        return { logits, probabilities: tf.softmax(logits) as tf.Tensor2D, attention: weights };
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}

/** Class-weighted mean softmax cross-entropy, sum(w_i * ce_i) / sum(w_i) (PyTorch's weighted CrossEntropyLoss). */
export function weightedSoftmaxCrossEntropy(logits: tf.Tensor2D, labels: readonly number[], classWeights?: readonly number[]): tf.Scalar {
  return tf.tidy(() => {
    const onehot = tf.oneHot(tf.tensor1d(labels as number[], 'int32'), logits.shape[1]); // [batch, classes]
    const perExample = tf.losses.softmaxCrossEntropy(onehot, logits, undefined, undefined, tf.Reduction.NONE); // [batch]
    const w = tf.tensor1d(labels.map((label) => classWeights?.[label] ?? 1)); // [batch]
    return tf.div(tf.sum(tf.mul(perExample, w)), tf.maximum(tf.sum(w), 1e-12)) as tf.Scalar;
  });
}

/** The attention-LSTM's training loss on integer labels, optionally class-weighted. */
export function attentionLstmLoss(
  model: AttentionLstm,
  x: tf.Tensor3D,
  labels: readonly number[],
  options: AttentionLstmOptions & { classWeights?: readonly number[] },
): tf.Scalar {
  return tf.tidy(() => weightedSoftmaxCrossEntropy(model.forward(x, options).logits, labels, options.classWeights));
}
