// VQ-VAE over 32x129 spectrogram segments (the TACN paper's sec. 2.1, after van den Oord et al. 2017): an
// encoder of strided 1-D convolutions over the 32 frames (the 129 bins are channels), nearest-neighbour
// quantisation against a learned codebook, and a decoder that reconstructs the segment. The decoder's input (the
// quantised codes), flattened, is the latent representation fused with the CNN's: R_l = Flatten(D_i), TACN paper
// sec. 2.1. Read bottom-up.
import * as tf from '@tensorflow/tfjs';
import { relu } from './layers/activations';
import { conv1d, createConv1d, type Conv1dParams, type Conv1dShape } from './layers/conv1d';
import { upsampledConv1d } from './layers/upsampled-conv1d';
import { codebookLoss, commitmentLoss, emaCodebookUpdate, quantise, type EmaCodebook } from './layers/quantise';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';

export interface VqvaeConfig {
  frames: number;
  bins: number;
  hiddenChannels: number;
  embeddingDim: number;
  codebookSize: number;
  downsamplings: number;
  beta: number;
  ema: boolean;
  emaDecay: number;
}

export const DEFAULT_VQVAE_CONFIG: VqvaeConfig = {
  frames: 32, // 32 frames of 8 ms per 265 ms segment, TACN paper's 32x129 input (@ser/audio createTacnFrontEnd)
  bins: 129, // 129 bins of a 256-point FFT, same source
  hiddenChannels: 128, // 128: encoder/decoder width, project choice (van den Oord et al. use 256 for images)
  embeddingDim: 64, // 64: code dimension D, van den Oord et al. 2017 (their audio model)
  codebookSize: 512, // 512: K, van den Oord et al. 2017 sec. 4
  downsamplings: 2, // two stride-2 layers: 32 frames -> 8 latent steps, project choice
  beta: 0.25, // 0.25: commitment weight, van den Oord et al. 2017 sec. 3.2
  ema: false, // codebook loss by default; the EMA update is their appendix A.1 variant
  emaDecay: 0.99, // 0.99: EMA decay gamma, van den Oord et al. 2017 appendix A.1
};

const KERNEL: Conv1dShape = { taps: 3, dilation: 1, padding: 'same' }; // 3-frame kernels, project choice
const POINTWISE: Conv1dShape = { taps: 1, dilation: 1, padding: 'same' };

export interface VqvaeOutput {
  reconstruction: tf.Tensor3D; // [batch, frames, bins]
  encoded: tf.Tensor2D; // z_e, [batch * latentSteps, embeddingDim]
  quantised: tf.Tensor2D; // z_q with the straight-through gradient, same shape
  codes: tf.Tensor2D; // z_q with its gradient to the codebook, same shape
  assignments: tf.Tensor2D; // one-hot codes, [batch * latentSteps, codebookSize]
  indices: Int32Array; // chosen code per latent step
  latent: tf.Tensor2D; // R_l = Flatten(D_i), the decoder's input z_q flattened: [batch, latentSteps * embeddingDim]
}

export interface VqvaeModel {
  config: VqvaeConfig;
  /** Everything a checkpoint holds (with EMA: the codebook and its running statistics too). */
  variables: NamedVariables;
  /** What the optimizer trains: everything but the EMA-updated codebook state. */
  trainableVariables: NamedVariables;
  latentSteps: number;
  /** Size of the latent representation per segment. */
  latentUnits: number;
  forward(x: tf.Tensor3D): VqvaeOutput;
  /** The latent representation of segments, [batch, latentUnits]. */
  latent(x: tf.Tensor3D): tf.Tensor2D;
  dispose(): void;
}

interface VqvaeParams {
  encoder: Conv1dParams[]; // stride-2 layers, bins -> hidden -> hidden
  project: Conv1dParams; // 1x1, hidden -> embeddingDim
  decoderIn: Conv1dParams; // embeddingDim -> hidden: its output is the latent representation
  decoder: Conv1dParams[]; // after each 2x upsampling; the last one maps to bins
}

function createParams(factory: VariableFactory, c: VqvaeConfig): VqvaeParams {
  const encoder = Array.from({ length: c.downsamplings }, (_, i) =>
    createConv1d(factory, `encoder${i}`, i === 0 ? c.bins : c.hiddenChannels, c.hiddenChannels, KERNEL.taps),
  );
  const decoder = Array.from({ length: c.downsamplings }, (_, i) =>
    createConv1d(factory, `decoder${i}`, c.hiddenChannels, i === c.downsamplings - 1 ? c.bins : c.hiddenChannels, KERNEL.taps),
  );
  return {
    encoder,
    project: createConv1d(factory, 'project', c.hiddenChannels, c.embeddingDim, 1),
    decoderIn: createConv1d(factory, 'decoderIn', c.embeddingDim, c.hiddenChannels, KERNEL.taps),
    decoder,
  };
}

/** Builds a VQ-VAE with the given config (merged over DEFAULT_VQVAE_CONFIG once) and seeded initial weights. */
export function createVqvae(overrides: Partial<VqvaeConfig> = {}, seed = 0): VqvaeModel {
  const config: VqvaeConfig = { ...DEFAULT_VQVAE_CONFIG, ...overrides };
  const scale = 2 ** config.downsamplings;
  tf.util.assert(config.frames % scale === 0, () => `frames (${config.frames}) must be a multiple of 2^downsamplings (${scale})`);
  const latentSteps = config.frames / scale;
  const factory = new VariableFactory('vqvae', seed);
  const params = createParams(factory, config);
  const trainableVariables = { ...factory.variables };
  // 1/K: the uniform init range of the codebook in van den Oord et al.'s reference (Sonnet) implementation.
  const codebook = factory.fanIn('codebook', [config.codebookSize, config.embeddingDim], config.codebookSize ** 2);
  let ema: EmaCodebook | undefined;
  if (config.ema) {
    // Running statistics start as "every code saw itself once", so unused codes stay where they are.
    ema = {
      codebook,
      clusterSize: factory.constant('ema.clusterSize', [config.codebookSize], 1),
      embeddingSum: factory.constant('ema.embeddingSum', codebook.shape, 0),
    };
    ema.embeddingSum.assign(codebook);
  } else {
    trainableVariables.codebook = codebook;
  }

  function forward(x: tf.Tensor3D): VqvaeOutput {
    const [batch, frames, bins] = x.shape;
    tf.util.assert(frames === config.frames && bins === config.bins, () => `VQ-VAE expects ${config.frames}x${config.bins} segments, got ${frames}x${bins}`);
    let h: tf.Tensor3D = x;
    for (const layer of params.encoder) h = relu(conv1d(layer, h, KERNEL, 2)); // [batch, steps, hidden]
    const encoded3d = conv1d(params.project, h, POINTWISE); // [batch, latentSteps, embeddingDim]
    const encoded = tf.reshape(encoded3d, [batch * latentSteps, config.embeddingDim]) as tf.Tensor2D;
    const q = quantise(encoded, codebook as tf.Tensor2D);
    const quantised3d = tf.reshape(q.output, [batch, latentSteps, config.embeddingDim]) as tf.Tensor3D;
    const latent = tf.reshape(quantised3d, [batch, latentSteps * config.embeddingDim]) as tf.Tensor2D; // R_l = Flatten(D_i)
    const first = relu(conv1d(params.decoderIn, quantised3d, KERNEL)); // [batch, latentSteps, hidden]
    let d = first;
    params.decoder.forEach((layer, i) => {
      const out = upsampledConv1d(layer, d, KERNEL, 2); // 2x nearest upsampling, then the convolution: [batch, 2 * steps, hidden or bins]
      d = i === params.decoder.length - 1 ? out : relu(out);
    });
    return { reconstruction: d, encoded, quantised: q.output, codes: q.codes, assignments: q.assignments, indices: q.indices, latent };
  }

  return {
    config,
    variables: factory.variables,
    trainableVariables,
    latentSteps,
    latentUnits: latentSteps * config.embeddingDim,
    forward: (x) => {
      let indices: Int32Array = new Int32Array(0);
      const tensors = tf.tidy(() => {
        const { indices: chosen, ...rest } = forward(x);
        indices = chosen; // plain memory: tidy only tracks the tensors
        return rest;
      });
      return { ...tensors, indices };
    },
    latent: (x) => tf.tidy(() => forward(x).latent),
    dispose: () => disposeVariables(factory.variables),
  };
}

export interface VqvaeLosses {
  total: tf.Scalar; // reconstruction + codebook (unless EMA) + beta * commitment
  reconstruction: tf.Scalar; // mean squared error of the reconstructed segment
  codebook: tf.Scalar;
  commitment: tf.Scalar;
}

export interface VqvaeLossOptions {
  /** With config.ema: move the codebook toward this batch's encoder outputs (a training step). */
  updateEma?: boolean;
}

/** The VQ-VAE objective of van den Oord et al. 2017 eq. 3 on a batch of segments [batch, frames, bins]. */
export function vqvaeLosses(model: VqvaeModel, x: tf.Tensor3D, options: VqvaeLossOptions = {}): VqvaeLosses {
  return tf.tidy(() => {
    const out = model.forward(x);
    const reconstruction = tf.mean(tf.square(tf.sub(out.reconstruction, x))) as tf.Scalar;
    const codebook = codebookLoss(out.encoded, out.codes);
    const commitment = commitmentLoss(out.encoded, out.codes);
    const weighted = tf.add(reconstruction, tf.mul(commitment, model.config.beta));
    const total = (model.config.ema ? weighted : tf.add(weighted, codebook)) as tf.Scalar;
    if (model.config.ema && options.updateEma) {
      const v = model.variables;
      const state = { codebook: v.codebook!, clusterSize: v['ema.clusterSize']!, embeddingSum: v['ema.embeddingSum']! };
      emaCodebookUpdate(state, out.encoded, out.assignments, model.config.emaDecay);
    }
    return { total, reconstruction, codebook, commitment };
  });
}

/** exp(entropy) of the codes used in a batch: how many codes are effectively in use (K at most). */
export function codebookPerplexity(indices: Int32Array, codebookSize: number): number {
  const counts = new Float64Array(codebookSize);
  for (const i of indices) counts[i]!++;
  let entropy = 0;
  for (const c of counts) if (c > 0) entropy -= (c / indices.length) * Math.log(c / indices.length);
  return Math.exp(entropy);
}
