// 1-D convolutions over time written as shifted slices plus one matMul, never through tf.conv1d: tfjs has no
// gradient for dilation > 1 on any backend and wasm has no conv weight gradient at all
// (shared/notes/tfjs-backends.md). A plain convolution shifts its input's k taps side by side and multiplies them
// by the k tap weights stacked (im2col), so the matMul sums the taps and a stride keeps only the rows it needs.
// conv1dTaps instead multiplies the unshifted input by all k tap weights at once and shifts each tap's output
// (x_{t+o_j} W_j = (x W_j)_{t+o_j}): the per-tap outputs are what TACN's attention weighs.
import * as tf from '@tensorflow/tfjs';
import { matMul2d } from './matmul';
import { evenlySpaced, timeTapsOnKernel } from './time-taps';
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
export function shiftInTime(x: tf.Tensor4D, offset: number): tf.Tensor4D {
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

/** A sequence's copies shifted by each offset (shiftTaps of its one slot): [batch, time, units] -> [batch, time, taps, units]. */
export function shiftedCopies(x: tf.Tensor3D, offsets: readonly number[]): tf.Tensor4D {
  const spacing = evenlySpaced(offsets, 1);
  return (spacing && timeTapsOnKernel(x, spacing)) ?? shiftTaps(tf.expandDims(x, 2) as tf.Tensor4D, offsets);
}

/** The kernel must be [inChannels, taps * outChannels] for the bias's outChannels. */
export function checkWeights(params: Conv1dWeights, inChannels: number, taps: number): void {
  const outChannels = params.bias.shape[0]!;
  tf.util.assert(params.kernel.shape[0] === inChannels, () => `conv1d expects ${params.kernel.shape[0]} input channels, got ${inChannels}`);
  tf.util.assert(params.kernel.shape[1] === taps * outChannels, () => `conv1d kernel has ${params.kernel.shape[1]} columns, not ${taps} x ${outChannels}`);
}

/**
 * Each tap's contribution, without bias: out[b, t, j] = x[b, t + o_j] @ W_j, zero where t + o_j falls outside
 * the sequence. x: [batch, time, in] -> [batch, time, taps, out].
 */
export function conv1dTaps(params: Conv1dWeights, x: tf.Tensor3D, shape: Conv1dShape): tf.Tensor4D {
  const [batch, time, inChannels] = x.shape;
  const outChannels = params.bias.shape[0]!;
  checkWeights(params, inChannels, shape.taps);
  const projected = matMul2d(tf.reshape(x, [batch * time, inChannels]), params.kernel as tf.Tensor2D); // [batch * time, taps * out]
  return shiftTaps(tf.reshape(projected, [batch, time, shape.taps, outChannels]), tapOffsets(shape)); // [batch, time, taps, out]
}

/**
 * The k taps each output step reads, side by side: out[b, t', j*in + c] = x[b, stride * t' + o_j, c], zero where
 * that falls outside the sequence. Step s * t' + o is phase (o mod s) of group t' + floor(o / s) once time is
 * grouped by the stride, so a stride only splits phases apart (a split, whose gradient is a concat) and every
 * tap is a whole-step shift of one phase: no strided slice, whose gradient is TensorFlow's slow PadV2.
 * [batch, time, in] -> [batch * time / stride, taps * in].
 */
export function tapInputs(x: tf.Tensor3D, offsets: readonly number[], stride = 1): tf.Tensor2D {
  const [batch, time, channels] = x.shape;
  tf.util.assert(time % stride === 0, () => `time ${time} is not a multiple of the stride ${stride}`);
  const steps = time / stride;
  const spacing = evenlySpaced(offsets, stride);
  const onKernel = spacing && timeTapsOnKernel(x, spacing);
  if (onKernel) return tf.reshape(onKernel, [batch * steps, offsets.length * channels]) as tf.Tensor2D;
  const grouped = tf.reshape(x, [batch, steps, stride, channels]) as tf.Tensor4D;
  const phases = stride === 1 ? [grouped] : (tf.split(grouped, stride, 2) as tf.Tensor4D[]); // each [batch, steps, 1, in]
  const taps = offsets.map((o) => shiftInTime(phases[((o % stride) + stride) % stride]!, Math.floor(o / stride)));
  const side = taps.length === 1 ? taps[0]! : tf.concat(taps, 2); // [batch, steps, taps, in]
  return tf.reshape(side, [batch * steps, offsets.length * channels]) as tf.Tensor2D;
}

/** A [in, taps * out] kernel (tap j in columns j*out..) as [taps * in, out] (tap j in rows j*in..), for tapInputs. */
export function tapMajorKernel(kernel: tf.Tensor, taps: number): tf.Tensor2D {
  const [inChannels, columns] = kernel.shape as [number, number];
  if (taps === 1) return kernel as tf.Tensor2D;
  const outChannels = columns / taps;
  return tf.reshape(tf.transpose(tf.reshape(kernel, [inChannels, taps, outChannels]), [1, 0, 2]), [taps * inChannels, outChannels]);
}

/**
 * A convolution over time: the taps summed, plus bias, optionally keeping every `stride`-th output step
 * (time must then be a multiple of the stride; only the kept steps are computed). [batch, time, in] -> [batch, time / stride, out].
 */
export function conv1d(params: Conv1dWeights, x: tf.Tensor3D, shape: Conv1dShape, stride = 1): tf.Tensor3D {
  const [batch, time, inChannels] = x.shape;
  const outChannels = params.bias.shape[0]!;
  checkWeights(params, inChannels, shape.taps);
  const rows = tapInputs(x, tapOffsets(shape), stride); // [batch * steps, taps * in]
  const summed = tf.add(matMul2d(rows, tapMajorKernel(params.kernel, shape.taps)), params.bias); // [batch * steps, out]
  return tf.reshape(summed, [batch, time / stride, outChannels]) as tf.Tensor3D;
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
