// A convolution over a nearest-neighbour upsampled sequence (the VQ-VAE decoder's "upsample 2x, then convolve"),
// computed from the short sequence. Output step f * t' + p (phase p of factor f) reads, through tap o, the
// repeated step f * t' + p + o, which is short step t' + floor((p + o) / f). So each phase is an ordinary
// convolution of the short sequence in which taps landing on the same short step share one summed weight: with
// f = 2 and taps -1, 0, +1, phase 0 is x[t'-1] W_0 + x[t'] (W_1 + W_2) and phase 1 is x[t'] (W_0 + W_1) + x[t'+1] W_2.
// Two products of 2 taps instead of one of 3 taps over twice the steps: a third fewer multiplications, and the
// repeated sequence never exists. Same function as conv1d(params, repeatInTime(x, f), shape) up to float rounding.
import * as tf from '@tensorflow/tfjs';
import { checkWeights, shiftInTime, tapMajorKernel, tapOffsets, type Conv1dShape, type Conv1dWeights } from './conv1d';
import { matMul2d } from './matmul';
import { evenlySpaced, timeTapsOnKernel } from './time-taps';

/** conv1d(params, repeatInTime(x, factor), shape). [batch, time, in] -> [batch, time * factor, out]. */
export function upsampledConv1d(params: Conv1dWeights, x: tf.Tensor3D, shape: Conv1dShape, factor: number): tf.Tensor3D {
  const [batch, time, inChannels] = x.shape;
  const outChannels = params.bias.shape[0]!;
  checkWeights(params, inChannels, shape.taps);
  const tapWeights = tf.split(tapMajorKernel(params.kernel, shape.taps), shape.taps, 0) as tf.Tensor2D[]; // W_j: [in, out]
  const steps = tf.expandDims(x, 2) as tf.Tensor4D; // [batch, time, 1, in]
  const shifted = new Map<number, tf.Tensor4D>(); // short-step shift -> x moved by it, shared by the phases
  const shift = (q: number) => shifted.get(q) ?? shifted.set(q, shiftInTime(steps, q)).get(q)!;
  const phases = Array.from({ length: factor }, (_, phase) => {
    const weightsByShift = new Map<number, tf.Tensor2D[]>();
    tapOffsets(shape).forEach((o, j) => {
      const q = Math.floor((phase + o) / factor);
      weightsByShift.set(q, [...(weightsByShift.get(q) ?? []), tapWeights[j]!]);
    });
    const shifts = [...weightsByShift.keys()]; // ascending: taps are in time order
    const spacing = evenlySpaced(shifts, 1);
    const side = (spacing && timeTapsOnKernel(x, spacing)) ?? tf.concat(shifts.map(shift), 2); // [batch, time, shifts, in]
    const rows = tf.reshape(side, [batch * time, shifts.length * inChannels]) as tf.Tensor2D;
    const kernel = tf.concat(
      shifts.map((q) => tf.addN(weightsByShift.get(q)!)),
      0,
    ) as tf.Tensor2D; // [shifts * in, out]
    return tf.reshape(matMul2d(rows, kernel), [batch, time, 1, outChannels]);
  });
  const interleaved = tf.reshape(tf.concat(phases, 2), [batch * time * factor, outChannels]); // step t' phase p at f * t' + p
  return tf.reshape(tf.add(interleaved, params.bias), [batch, time * factor, outChannels]) as tf.Tensor3D;
}
