// TACN, the temporal attention convolutional network of the TACN paper (eqs. 3-7): Bai et al.'s TCN in which
// every causal dilated convolution (eq. 3, kernel 3, dilation 2^n) first lets its k dilated taps attend to each
// other: S_n, the k inputs a step's convolution reads, goes through multi-head self-attention with Q = K = V = S_n,
// per-head projections and an output projection W (eqs. 4-7), and the convolution sums the attended taps. The
// residual block, weight normalisation, dropout and head are the TCN's (tcn.ts), so TACN and TCN differ only by the
// attention. Read bottom-up: the taps, their attention, one attentive convolution, the classifier.
import * as tf from '@tensorflow/tfjs';
import { createWeightNormConv1d, shiftedCopies, tapOffsets, weightNormed, type WeightNormConv1dParams } from './layers/conv1d';
import { createDense, dense, type DenseParams } from './layers/dense';
import { matMul2d } from './layers/matmul';
import { attendTaps, tapQueryMask } from './layers/tap-attention';
import { VariableFactory, disposeVariables } from './layers/variables';
import { createAttention } from './layers/attention';
import {
  createDownsample,
  dropoutSeedsFor,
  lastRealStep,
  residualBlock,
  type CausalConvolution,
  type ResidualBlockParams,
  type SequenceClassifier,
} from './tcn';

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
  dropout: 0.2, // 0.2: after each convolution, as our TCN baseline, project choice
  numClasses: 4, // IEMOCAP's 4 classes (angry, happy+excited, sad, neutral)
};

/** Time offsets of the k causal taps of step t: t-(k-1)d, ..., t-d, t (tap k-1 is the step itself). */
const causalOffsets = (taps: number, dilation: number) => tapOffsets({ taps, dilation, padding: 'causal' });

/**
 * The k causal dilated taps of every step, stacked: out[b, t, j] = x[b, t + o_j], zeros before the start; the
 * same shift as the convolution's (shiftTaps). [batch, time, units] -> [batch, time, taps, units].
 */
export function causalTaps(x: tf.Tensor3D, taps: number, dilation: number): tf.Tensor4D {
  return shiftedCopies(x, causalOffsets(taps, dilation)); // [batch, time, taps, units]
}

export interface TapAttentionParams {
  qkv: DenseParams; // [units, 3 * units]: W^Q, W^K, W^V of every head in one matMul (eq. 5)
  out: DenseParams; // [units, units]: the output projection W (eq. 7)
}

/**
 * Eqs. 4-7: MultiHead(S_n) = Concat(head_1..head_h) W, head_i = softmax(S W_i^Q (S W_i^K)^T / sqrt(d_h)) S W_i^V,
 * for every step's taps S_n at once. The projections are per time step, so they are applied to x once and the
 * projected rows shifted into taps (projecting then shifting equals shifting then projecting).
 * [batch, time, units] -> attended taps [batch, time, taps, units], zero for taps before the start.
 */
export function tapSelfAttention(p: TapAttentionParams, x: tf.Tensor3D, taps: number, dilation: number, numHeads: number): tf.Tensor4D {
  const [batch, time, units] = x.shape;
  tf.util.assert(units % numHeads === 0, () => `${units} units do not divide into ${numHeads} heads`);
  const projected = tf.reshape(dense(p.qkv, tf.reshape(x, [batch * time, units])), [batch, time, 3 * units]) as tf.Tensor3D;
  const merged = attendTaps(causalTaps(projected, taps, dilation), { numHeads, dilation }); // Concat(head_1..head_h): [batch * time * taps, units]
  return tf.mul(tf.reshape(dense(p.out, merged), [batch, time, taps, units]), tapQueryMask(time, taps, dilation)) as tf.Tensor4D;
}

/** One attentive convolution: self-attention over the taps, then the weight-normalised convolution's tap sum. */
export interface AttentiveConvParams {
  attention: TapAttentionParams;
  conv: WeightNormConv1dParams;
}

/**
 * y_t = sum_j (S_n + MultiHead(S_n))_j W_j + b: the convolution of eq. 3 over the taps refined by their attention.
 * The paper gives the attention (eqs. 4-7) but not how the convolution reads its k output vectors. Our reading: the
 * attention's output is added to the taps, as a Transformer sublayer adds it to its input, and the convolution's tap
 * weights sum the result. With the attention's output at zero a TACN computes exactly its TCN, so the two differ
 * only by what the attention adds; without the residual (attention replacing the taps) the TACN fell to 0.31 UA on
 * the learn-above-chance task where the TCN reached 0.6 (test/tacn/learns-above-chance.spec.ts).
 * [batch, time, in] -> [batch, time, channels].
 */
export function attentiveCausalConv(p: AttentiveConvParams, x: tf.Tensor3D, dilation: number, numHeads: number): tf.Tensor3D {
  const [batch, time, units] = x.shape;
  const kernel = weightNormed(p.conv); // kernel [in, taps * channels]
  const channels = p.conv.bias.shape[0]!;
  const taps = kernel.kernel.shape[1]! / channels;
  const refined = tf.add(causalTaps(x, taps, dilation), tapSelfAttention(p.attention, x, taps, dilation, numHeads)); // [batch, time, taps, in]
  const attended = tf.reshape(refined, [batch * time, taps * units]);
  // Tap j's weights W_j are the columns j*channels.. of the [in, taps * channels] kernel: as rows j*in.. of [taps * in, channels].
  const stacked = tf.reshape(tf.transpose(tf.reshape(kernel.kernel, [units, taps, channels]), [1, 0, 2]), [taps * units, channels]);
  return tf.reshape(tf.add(matMul2d(attended as tf.Tensor2D, stacked as tf.Tensor2D), p.conv.bias), [batch, time, channels]) as tf.Tensor3D;
}

/**
 * What keeps a resolved config from being built, in words a run's owner can act on; empty when none. The taps'
 * attention splits every width it runs over into numHeads equal heads: the input (the deep or fused segment
 * features) in the first block and the channels in every block. Checked on the resolved config (defaults filled
 * in), so a width that only a default sets is caught too.
 */
export function tacnConfigProblems(config: TacnModelConfig): string[] {
  const { numHeads } = config;
  if (!Number.isInteger(numHeads) || numHeads < 1) return [`TACN numHeads must be a positive integer, got ${numHeads}`];
  const widths = [
    ['inputUnits', config.inputUnits, 'the segment features it reads: the CNN representation or the fusion output'],
    ['channels', config.channels, 'the width of every residual block'],
  ] as const;
  return widths
    .filter(([, units]) => units % numHeads !== 0)
    .map(
      ([key, units, what]) =>
        `TACN model width ${key} = ${units} (${what}) is not divisible by numHeads = ${numHeads}: every attention head takes an equal share of the width`,
    );
}

export function createTacn(overrides: Partial<TacnModelConfig> = {}, seed = 0): SequenceClassifier<TacnModelConfig> {
  const config: TacnModelConfig = { ...DEFAULT_TACN_MODEL_CONFIG, ...overrides };
  const problems = tacnConfigProblems(config);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const factory = new VariableFactory('tacn', seed);
  const attentiveConv = (name: string, inUnits: number): AttentiveConvParams => ({
    attention: createAttention(factory, `${name}.attention`, inUnits),
    conv: createWeightNormConv1d(factory, `${name}.conv`, inUnits, config.channels, config.kernelSize),
  });
  const blocks: ResidualBlockParams<AttentiveConvParams>[] = Array.from({ length: config.layers }, (_, i) => {
    const inUnits = i === 0 ? config.inputUnits : config.channels;
    return {
      conv1: attentiveConv(`layer${i}.conv1`, inUnits),
      conv2: attentiveConv(`layer${i}.conv2`, config.channels),
      downsample: createDownsample(factory, `layer${i}.downsample`, inUnits, config.channels),
    };
  });
  const convolve: CausalConvolution<AttentiveConvParams> = (p, x, dilation) => attentiveCausalConv(p, x, dilation, config.numHeads);
  const head = createDense(factory, 'head', config.channels, config.numClasses);
  return {
    config,
    variables: factory.variables,
    forward: (x, options) =>
      tf.tidy(() => {
        tf.util.assert(x.shape[2] === config.inputUnits, () => `TACN expects ${config.inputUnits} features per segment, got ${x.shape[2]}`);
        const seeds = dropoutSeedsFor(options);
        // Causal throughout: padding after a sequence's end never reaches its real steps.
        const h = blocks.reduce((acc, block, i) => residualBlock(block, convolve, acc, 2 ** i, config.dropout, seeds), x); // [batch, time, channels]
        return dense(head, lastRealStep(h, options.lengths)); // [batch, classes]
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}
