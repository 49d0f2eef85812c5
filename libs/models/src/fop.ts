// FOP (Future Observation Prediction): a causal Transformer that reads log-mel frames f_1..f_t and predicts
// f_{t+1}. Read bottom-up: config, one encoder layer, the model, the pre-training loss.
import * as tf from '@tensorflow/tfjs';
import { meanAbsoluteError, relu } from './layers/activations';
import { causalSelfAttention, createAttention, type AttentionParams, type AttentionShape } from './layers/attention';
import { createDense, dense, type DenseParams } from './layers/dense';
import { DropoutSeeds, dropout } from './layers/dropout';
import { createLayerNorm, layerNorm, type LayerNormParams } from './layers/layer-norm';
import { sinusoidalPositions } from './layers/positional';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';

export interface FopConfig {
  nMels: number;
  dModel: number;
  numHeads: number;
  ffnUnits: number;
  numLayers: number;
  dropout: number;
  attentionDropout: number;
}

export const DEFAULT_FOP_CONFIG: FopConfig = {
  nMels: 80, // 80: log-mel channels of the input frames f_t, FOP paper sec. 4.1
  dModel: 256, // 256: width of W_e f_t and of every layer, FOP paper sec. 4.1
  numHeads: 4, // 4: self-attention heads, FOP paper sec. 4.1
  ffnUnits: 513, // 513: FFN inner size, FOP paper sec. 4.1
  numLayers: 2, // 2: L, identical encoder layers, FOP paper sec. 4.1
  dropout: 0.2, // 0.2: dropout rate, FOP paper sec. 4.1
  // 0.2: the paper gives one rate; PyTorch's TransformerEncoderLayer (shared/peers/fop_torch.py) applies it to
  // the attention weights too, and we match it so the two train alike.
  attentionDropout: 0.2,
};

export interface ForwardOptions {
  training: boolean;
  /** Seeds the dropout masks of this pass; a fresh random one when training without it. */
  seed?: number;
}

export interface FopOutput {
  prediction: tf.Tensor3D; // [batch, frames, nMels]: prediction[:, t] estimates x[:, t + 1]
  hidden: tf.Tensor3D[]; // h_1..h_L, each [batch, frames, dModel]
  embedded: tf.Tensor3D; // W_e f_t + PE(t), [batch, frames, dModel]
}

export interface FopModel {
  config: FopConfig;
  variables: NamedVariables;
  /** Everything up to h_L, without the output layer (what the transfer heads build on). */
  encode(x: tf.Tensor3D, options: ForwardOptions): Omit<FopOutput, 'prediction'>;
  forward(x: tf.Tensor3D, options: ForwardOptions): FopOutput;
  dispose(): void;
}

interface EncoderLayerParams {
  attention: AttentionParams;
  norm1: LayerNormParams;
  ffnIn: DenseParams; // [dModel, ffnUnits]
  ffnOut: DenseParams; // [ffnUnits, dModel]
  norm2: LayerNormParams;
}

function createEncoderLayer(factory: VariableFactory, name: string, config: FopConfig): EncoderLayerParams {
  return {
    attention: createAttention(factory, `${name}.attn`, config.dModel),
    norm1: createLayerNorm(factory, `${name}.norm1`, config.dModel),
    ffnIn: createDense(factory, `${name}.ffn.in`, config.dModel, config.ffnUnits),
    ffnOut: createDense(factory, `${name}.ffn.out`, config.ffnUnits, config.dModel),
    norm2: createLayerNorm(factory, `${name}.norm2`, config.dModel),
  };
}

/** Post-LN encoder layer: h = LN(h + Drop(Attn(h))); h = LN(h + Drop(FFN(h))). [batch * frames, dModel] -> same. */
function encoderLayer(params: EncoderLayerParams, h: tf.Tensor2D, shape: AttentionShape, config: FopConfig, seeds: DropoutSeeds | undefined): tf.Tensor2D {
  const attended = causalSelfAttention(params.attention, h, shape, config.attentionDropout, seeds); // [batch * frames, dModel]
  const h1 = layerNorm(params.norm1, tf.add(h, dropout(attended, config.dropout, seeds)));
  const inner = dropout(relu(dense(params.ffnIn, h1)), config.dropout, seeds); // [batch * frames, ffnUnits]
  const ffn = dense(params.ffnOut, inner); // [batch * frames, dModel]
  return layerNorm(params.norm2, tf.add(h1, dropout(ffn, config.dropout, seeds)));
}

function seedsFor(options: ForwardOptions): DropoutSeeds | undefined {
  if (!options.training) return undefined;
  return new DropoutSeeds(options.seed ?? Math.floor(Math.random() * 2 ** 32));
}

/** Builds a FOP with the given config (merged over DEFAULT_FOP_CONFIG once) and seeded initial weights. */
export function createFop(overrides: Partial<FopConfig> = {}, seed = 0): FopModel {
  const config: FopConfig = { ...DEFAULT_FOP_CONFIG, ...overrides };
  const factory = new VariableFactory('fop', seed);
  const input = createDense(factory, 'input', config.nMels, config.dModel); // W_e
  const layers = Array.from({ length: config.numLayers }, (_, i) => createEncoderLayer(factory, `layer${i}`, config));
  const output = createDense(factory, 'output', config.dModel, config.nMels);

  function encodeFlat(x: tf.Tensor3D, options: ForwardOptions, seeds: DropoutSeeds | undefined) {
    const [batch, frames, nMels] = x.shape;
    tf.util.assert(nMels === config.nMels, () => `FOP expects ${config.nMels} mels per frame, got ${nMels}`);
    const shape: AttentionShape = { batch, frames, heads: config.numHeads };
    const projected = tf.reshape(dense(input, tf.reshape(x, [batch * frames, nMels])), [batch, frames, config.dModel]);
    const embedded = tf.add(projected, sinusoidalPositions(frames, config.dModel)) as tf.Tensor3D; // [batch, frames, dModel]
    let h = dropout(tf.reshape(embedded, [batch * frames, config.dModel]), config.dropout, seeds) as tf.Tensor2D;
    const hidden: tf.Tensor2D[] = [];
    for (const layer of layers) {
      h = encoderLayer(layer, h, shape, config, seeds); // [batch * frames, dModel]
      hidden.push(h);
    }
    return { embedded, hidden, batch, frames };
  }

  const to3d = (h: tf.Tensor2D, batch: number, frames: number) => tf.reshape(h, [batch, frames, h.shape[1]]) as tf.Tensor3D;

  return {
    config,
    variables: factory.variables,
    encode: (x, options) =>
      tf.tidy(() => {
        const { embedded, hidden, batch, frames } = encodeFlat(x, options, seedsFor(options));
        return { embedded, hidden: hidden.map((h) => to3d(h, batch, frames)) };
      }),
    forward: (x, options) =>
      tf.tidy(() => {
        const { embedded, hidden, batch, frames } = encodeFlat(x, options, seedsFor(options));
        const last = hidden[hidden.length - 1]!;
        const prediction = to3d(dense(output, last), batch, frames); // [batch, frames, nMels]
        return { prediction, embedded, hidden: hidden.map((h) => to3d(h, batch, frames)) };
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}

export interface NextFrameLossOptions extends ForwardOptions {
  /** Predict k frames ahead (APC-style); 1 is the paper's f_{t+1}. */
  shift?: number;
  /** Valid frames per sequence when the batch is right-padded; targets past a length are ignored. */
  lengths?: readonly number[];
}

/** Mean L1 distance between prediction[:, :-k] and x[:, k:], the FOP pre-training objective. */
export function fopNextFrameLoss(model: FopModel, x: tf.Tensor3D, options: NextFrameLossOptions): tf.Scalar {
  const shift = options.shift ?? 1;
  const [batch, frames, nMels] = x.shape;
  tf.util.assert(Number.isInteger(shift) && shift >= 1 && shift < frames, () => `shift must be in [1, ${frames - 1}], got ${shift}`);
  return tf.tidy(() => {
    const { prediction } = model.forward(x, options);
    const predicted = tf.slice(prediction, [0, 0, 0], [batch, frames - shift, nMels]); // [batch, frames - k, nMels]
    const target = tf.slice(x, [0, shift, 0], [batch, frames - shift, nMels]); // [batch, frames - k, nMels]
    if (!options.lengths) return meanAbsoluteError(predicted, target);
    // Zero both sides where there is no real target, then rescale the mean from all positions to the real ones.
    const mask = targetMask(options.lengths, frames - shift, shift); // [batch, frames - k, 1]
    const meanOverAll = meanAbsoluteError(tf.mul(predicted, mask), tf.mul(target, mask));
    const validCount = tf.mul(tf.sum(mask), nMels);
    return tf.mul(meanOverAll, tf.div(predicted.size, tf.maximum(validCount, 1))) as tf.Scalar;
  });
}

/** 1 where position t has a real target (t + shift < length), else 0. [batch, positions, 1] */
function targetMask(lengths: readonly number[], positions: number, shift: number): tf.Tensor3D {
  const mask = new Float32Array(lengths.length * positions);
  lengths.forEach((length, b) => mask.fill(1, b * positions, b * positions + Math.max(0, Math.min(positions, length - shift))));
  return tf.tensor3d(mask, [lengths.length, positions, 1]);
}
