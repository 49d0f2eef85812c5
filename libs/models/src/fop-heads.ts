// Transfer of a pre-trained FOP to emotion recognition, the two ways of the paper: fine-tuning the whole model
// under a pooled softmax head, or frozen hypercolumn features for other classifiers.
import * as tf from '@tensorflow/tfjs';
import { sinusoidalPositions } from './layers/positional';
import type { ForwardOptions, FopModel } from './fop';
import { createDense, dense } from './layers/dense';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';

/** Which frames of a right-padded batch are real: 1 for t < length. [batch, frames, 1] */
export function lengthMask(lengths: readonly number[], frames: number): tf.Tensor3D {
  const mask = new Float32Array(lengths.length * frames);
  lengths.forEach((length, b) => mask.fill(1, b * frames, b * frames + Math.max(0, Math.min(frames, length))));
  return tf.tensor3d(mask, [lengths.length, frames, 1]);
}

/** Mean over the real frames of each sequence: [batch, frames, d] -> [batch, d]. */
export function maskedMeanOverTime(h: tf.Tensor3D, lengths: readonly number[] | undefined): tf.Tensor2D {
  return tf.tidy(() => {
    const [batch, frames] = h.shape;
    if (!lengths) return tf.mean(h, 1) as tf.Tensor2D;
    tf.util.assert(lengths.length === batch, () => `got ${lengths.length} lengths for a batch of ${batch}`);
    tf.util.assert(
      lengths.every((n) => n >= 1),
      () => 'every sequence needs at least one frame',
    );
    const mask = lengthMask(lengths, frames); // [batch, frames, 1]
    return tf.div(tf.sum(tf.mul(h, mask), 1), tf.sum(mask, 1)) as tf.Tensor2D; // [batch, d]
  });
}

export interface ClassifierOptions extends ForwardOptions {
  /** Real frames per sequence of a right-padded batch; padding is left out of the pooling. */
  lengths?: readonly number[];
}

export interface FopClassifier {
  fop: FopModel;
  numClasses: number;
  /** What fine-tuning trains: every FOP variable except its output layer, plus the softmax projection. */
  variables: NamedVariables;
  forward(x: tf.Tensor3D, options: ClassifierOptions): { logits: tf.Tensor2D; probabilities: tf.Tensor2D }; // [batch, classes]
  /** Frees the head only; the FOP belongs to whoever created it. */
  dispose(): void;
}

/**
 * The fine-tuning model of the paper: FOP's output layer replaced by global average pooling over time and a
 * softmax projection. Padding cannot leak into earlier frames (attention is causal), so masking the pooling
 * is enough to make a padded sequence classify like the unpadded one.
 */
export function createFopClassifier(fop: FopModel, numClasses: number, seed = 0): FopClassifier {
  tf.util.assert(Number.isInteger(numClasses) && numClasses >= 2, () => `numClasses must be an integer >= 2, got ${numClasses}`);
  const factory = new VariableFactory('fop_classifier', seed);
  const head = createDense(factory, 'head', fop.config.dModel, numClasses);
  const trunk = Object.fromEntries(Object.entries(fop.variables).filter(([name]) => !name.startsWith('output.')));
  return {
    fop,
    numClasses,
    variables: { ...trunk, ...factory.variables },
    forward: (x, options) =>
      tf.tidy(() => {
        const { hidden } = fop.encode(x, options);
        const pooled = maskedMeanOverTime(hidden[hidden.length - 1]!, options.lengths); // [batch, dModel]
        const logits = dense(head, pooled); // [batch, classes]
        return { logits, probabilities: tf.softmax(logits) };
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}

/** Mean softmax cross-entropy of the classifier on integer labels. */
export function classifierLoss(classifier: FopClassifier, x: tf.Tensor3D, labels: readonly number[], options: ClassifierOptions): tf.Scalar {
  return tf.tidy(() => {
    const { logits } = classifier.forward(x, options);
    const onehot = tf.oneHot(tf.tensor1d(labels as number[], 'int32'), classifier.numClasses); // [batch, classes]
    return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
  });
}

export interface Hypercolumns {
  F: tf.Tensor3D; // the raw input frames, [batch, frames, nMels]
  h1: tf.Tensor3D; // first layer output, [batch, frames, dModel]
  h2: tf.Tensor3D | undefined; // second layer output (undefined for a one-layer model)
  hidden: tf.Tensor3D[]; // h_1..h_L
  add: tf.Tensor3D; // W_e F + h_1 + ... + h_L (no positional encoding), [batch, frames, dModel]
  concat: tf.Tensor3D; // [F, h_1, ..., h_L] on the feature axis, [batch, frames, nMels + L * dModel]
}

/**
 * Frozen hypercolumn features (inference mode, no dropout). The paper adds "the input and the layer outputs",
 * but the input is 80-d and the layers 256-d: the sum uses the projected input W_e f_t (the layers' own input space,
 * no extra weights), without the positional encoding, which carries where a frame sits rather than what it holds
 * (pooled over an utterance it is a function of the utterance's length alone). The concatenation keeps the raw 80-d
 * frames, which need no projection.
 */
export function fopHypercolumns(model: FopModel, x: tf.Tensor3D): Hypercolumns {
  return tf.tidy(() => {
    const { embedded, hidden } = model.encode(x, { training: false });
    const projected = tf.sub(embedded, sinusoidalPositions(x.shape[1], model.config.dModel)) as tf.Tensor3D; // W_e F: [batch, frames, dModel]
    const add = hidden.reduce((sum, h) => tf.add(sum, h), projected); // [batch, frames, dModel]
    const concat = tf.concat([x, ...hidden], 2); // [batch, frames, nMels + L * dModel]
    return { F: tf.clone(x), h1: hidden[0]!, h2: hidden[1], hidden, add, concat };
  });
}
