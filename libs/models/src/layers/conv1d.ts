// 1-D convolutions over time written as one matMul plus shifted slices, never through tf.conv1d: tfjs has no
// gradient for dilation > 1 on any backend and wasm has no conv weight gradient at all
// (shared/notes/tfjs-backends.md). Shifting is linear and the weights act per time step, so
// x_{t+o_j} W_j = (x W_j)_{t+o_j}: multiply the unshifted input by all k tap weights at once, then shift each
// tap's output. The per-tap outputs are what TACN's attention weighs; a plain convolution sums them.
import * as tf from '@tensorflow/tfjs';
import { matMul2d } from './matmul';
import type { VariableFactory } from './variables';

export interface Conv1dParams {
  kernel: tf.Variable; // [inChannels, taps * outChannels]: tap j's weights are columns j*out..(j+1)*out
  bias: tf.Variable; // [outChannels]
}

/** What a convolution reads: trained variables (Conv1dParams) or a kernel derived from them (weightNormed). */
export interface Conv1dWeights {
  kernel: tf.Tensor; // [inChannels, taps * outChannels]
  bias: tf.Tensor; // [outChannels]
}

export interface Conv1dShape {
  taps: number;
  dilation: number;
  /** 'causal': output t sees t, t-d, ..., t-(k-1)d (left zero padding); 'same': the taps are centred on t. */
  padding: 'causal' | 'same';
}

/** Initialised like PyTorch's nn.Conv1d: uniform +-1/sqrt(inChannels * taps). */
export function createConv1d(factory: VariableFactory, name: string, inChannels: number, outChannels: number, taps: number): Conv1dParams {
  const fanIn = inChannels * taps;
  return {
    kernel: factory.fanIn(`${name}.kernel`, [inChannels, taps * outChannels], fanIn),
    bias: factory.fanIn(`${name}.bias`, [outChannels], fanIn),
  };
}

/** Time offset of each tap relative to the output step: causal [-(k-1)d, ..., -d, 0]; same centred on 0. */
export function tapOffsets(shape: Conv1dShape): number[] {
  const { taps, dilation, padding } = shape;
  const first = padding === 'causal' ? -(taps - 1) * dilation : -Math.floor((taps - 1) / 2) * dilation;
  return Array.from({ length: taps }, (_, j) => first + j * dilation);
}

/** x moved `offset` steps along time (axis 1): out[:, t] = x[:, t + offset], zeros where that falls outside. */
function shiftZeroFilled(x: tf.Tensor4D, offset: number): tf.Tensor4D {
  const [batch, time, slots, units] = x.shape;
  if (Math.abs(offset) >= time) return tf.zeros([batch, time, slots, units]);
  const kept = time - Math.abs(offset);
  const zeros = tf.zeros([batch, Math.abs(offset), slots, units]);
  const from = offset < 0 ? 0 : offset;
  const part = tf.slice(x, [0, from, 0, 0], [batch, kept, slots, units]);
  return tf.concat(offset < 0 ? [zeros, part] : [part, zeros], 1) as tf.Tensor4D;
}

/**
 * A time shift whose gradient is the opposite shift. tfjs would derive it through slice, whose gradient is a
 * PadV2 that TensorFlow's CPU kernel runs at a few million floats a second here: the pads were the largest
 * kernel of a VQ-VAE step (test/bench/step-profile.ts, test/bench/training-steps.md). Same values either way.
 */
function shiftInTime(x: tf.Tensor4D, offset: number): tf.Tensor4D {
  if (offset === 0) return x;
  const shift = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [input] = args as [tf.Tensor4D];
    return { value: shiftZeroFilled(input, offset), gradFunc: (dy: tf.Tensor) => shiftZeroFilled(dy as tf.Tensor4D, -offset) };
  }) as (input: tf.Tensor4D) => tf.Tensor4D;
  return shift(x);
}

/**
 * Shifts each tap's values in time: out[b, t, j] = x[b, t + o_j, j], zero where t + o_j falls outside the sequence.
 * `x` holds one slot per tap [batch, time, taps, units], or a single slot [batch, time, 1, units] that every tap
 * reads (TACN's taps of the input itself). The one place dilated taps are shifted: convolution and TACN share it.
 * Taps are split apart (SplitV, whose gradient is a concat) rather than sliced (whose gradient is a pad).
 * -> [batch, time, taps, units].
 */
export function shiftTaps(x: tf.Tensor4D, offsets: readonly number[]): tf.Tensor4D {
  const slots = x.shape[2];
  tf.util.assert(slots === 1 || slots === offsets.length, () => `shiftTaps needs 1 or ${offsets.length} slots, got ${slots}`);
  const perTap = slots === 1 ? offsets.map(() => x) : (tf.split(x, slots, 2) as tf.Tensor4D[]); // each [batch, time, 1, units]
  return tf.concat(
    offsets.map((o, j) => shiftInTime(perTap[j]!, o)),
    2,
  ) as tf.Tensor4D; // [batch, time, taps, units]
}

/**
 * Each tap's contribution, without bias: out[b, t, j] = x[b, t + o_j] @ W_j, zero where t + o_j falls outside
 * the sequence. x: [batch, time, in] -> [batch, time, taps, out].
 */
export function conv1dTaps(params: Conv1dWeights, x: tf.Tensor3D, shape: Conv1dShape): tf.Tensor4D {
  const [batch, time, inChannels] = x.shape;
  const outChannels = params.bias.shape[0]!;
  tf.util.assert(params.kernel.shape[0] === inChannels, () => `conv1d expects ${params.kernel.shape[0]} input channels, got ${inChannels}`);
  tf.util.assert(
    params.kernel.shape[1] === shape.taps * outChannels,
    () => `conv1d kernel has ${params.kernel.shape[1]} columns, not ${shape.taps} x ${outChannels}`,
  );
  const projected = matMul2d(tf.reshape(x, [batch * time, inChannels]), params.kernel as tf.Tensor2D); // [batch * time, taps * out]
  return shiftTaps(tf.reshape(projected, [batch, time, shape.taps, outChannels]), tapOffsets(shape)); // [batch, time, taps, out]
}

/**
 * A convolution over time: the taps summed, plus bias, optionally keeping every `stride`-th output step
 * (time must then be a multiple of the stride). [batch, time, in] -> [batch, time / stride, out].
 */
export function conv1d(params: Conv1dWeights, x: tf.Tensor3D, shape: Conv1dShape, stride = 1): tf.Tensor3D {
  const summed = tf.add(tf.sum(conv1dTaps(params, x, shape), 2), params.bias) as tf.Tensor3D; // [batch, time, out]
  return stride === 1 ? summed : takeEvery(summed, stride);
}

/** Keeps steps 0, s, 2s, ... with reshape + slice (both have gradients everywhere). [b, t, c] -> [b, t / s, c] */
export function takeEvery(x: tf.Tensor3D, stride: number): tf.Tensor3D {
  const [batch, time, channels] = x.shape;
  tf.util.assert(time % stride === 0, () => `time ${time} is not a multiple of the stride ${stride}`);
  const grouped = tf.reshape(x, [batch, time / stride, stride, channels]);
  return tf.reshape(tf.slice(grouped, [0, 0, 0, 0], [batch, time / stride, 1, channels]), [batch, time / stride, channels]);
}

/** Nearest-neighbour upsampling in time: each step repeated `factor` times. [b, t, c] -> [b, t * factor, c] */
export function repeatInTime(x: tf.Tensor3D, factor: number): tf.Tensor3D {
  const [batch, time, channels] = x.shape;
  return tf.reshape(tf.tile(tf.expandDims(x, 2), [1, 1, factor, 1]), [batch, time * factor, channels]);
}

/**
 * A weight-normalised convolution (Salimans & Kingma 2016), as Bai et al.'s TCN wraps every dilated convolution:
 * kernel = g * v / ||v||, the norm taken per output channel over inputs and taps. `direction` holds v, laid out as
 * Conv1dParams.kernel; g starts at ||v|| (what PyTorch's weight_norm does), so the initial kernel is v itself.
 */
export interface WeightNormConv1dParams {
  direction: tf.Variable; // v: [inChannels, taps * outChannels]
  gain: tf.Variable; // g: [outChannels]
  bias: tf.Variable; // [outChannels]
}

export function createWeightNormConv1d(factory: VariableFactory, name: string, inChannels: number, outChannels: number, taps: number): WeightNormConv1dParams {
  const fanIn = inChannels * taps; // v and the bias initialised like createConv1d (PyTorch's nn.Conv1d)
  const direction = factory.fanIn(`${name}.direction`, [inChannels, taps * outChannels], fanIn);
  const gain = factory.constant(`${name}.gain`, [outChannels], 0);
  tf.tidy(() => gain.assign(channelNorms(direction, taps)));
  return { direction, gain, bias: factory.fanIn(`${name}.bias`, [outChannels], fanIn) };
}

/** ||v|| per output channel of a [in, taps * out] kernel: [out]. */
function channelNorms(direction: tf.Tensor, taps: number): tf.Tensor1D {
  const [inChannels, columns] = direction.shape as [number, number];
  return tf.sqrt(tf.sum(tf.square(tf.reshape(direction, [inChannels, taps, columns / taps])), [0, 1])) as tf.Tensor1D;
}

/** The kernel g * v / ||v|| of a weight-normalised convolution, as a plain Conv1dParams for conv1d / conv1dTaps. */
export function weightNormed(p: WeightNormConv1dParams): Conv1dWeights {
  const outChannels = p.gain.shape[0]!;
  const taps = p.direction.shape[1]! / outChannels;
  const scale = tf.div(p.gain, channelNorms(p.direction, taps)); // [out]
  const kernel = tf.reshape(tf.mul(tf.reshape(p.direction, [p.direction.shape[0]!, taps, outChannels]), scale), p.direction.shape); // [in, taps * out]
  return { kernel, bias: p.bias };
}
