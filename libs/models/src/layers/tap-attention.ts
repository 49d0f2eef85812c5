// The core of the TACN's attention over the k dilated taps of every step (TACN paper eqs. 4-7): from each step's
// projected taps (q, k and v of every head) to the heads' outputs. On the native backend with the platform's
// kernels loaded (@ser/tfjs-backend custom-ops.ts) it is one SerTapAttention kernel forwards and one
// SerTapAttentionGrad backwards; elsewhere tfjs ops (5-D transpose, batched products, softmax) compute the same.
import * as tf from '@tensorflow/tfjs';
import { nativeOps, type NativeOps } from '@ser/tfjs-backend';
import { tapOffsets } from './conv1d';
import { batchMatMul } from './matmul';

export interface TapAttentionShape {
  numHeads: number;
  /** The taps' spacing in steps; tap j of step t reads step t - (k-1-j) * dilation (causal). */
  dilation: number;
}

const realTaps = new Map<string, Float32Array>();

/**
 * Which taps are real (t + o_j >= 0) for each step, 1 or 0, [time * taps]: a tap before the sequence start is zero
 * padding in a plain convolution; here it must neither draw attention nor add a term. Computed once per
 * (time, taps, dilation).
 */
function tapsInside(time: number, taps: number, dilation: number): Float32Array {
  const key = `${time}:${taps}:${dilation}`;
  let real = realTaps.get(key);
  if (!real) {
    real = new Float32Array(time * taps);
    const offsets = tapOffsets({ taps, dilation, padding: 'causal' });
    for (let t = 0; t < time; t++) for (let j = 0; j < taps; j++) real[t * taps + j] = t + offsets[j]! >= 0 ? 1 : 0;
    realTaps.set(key, real);
  }
  return real;
}

/** The multiplicative query mask (1 / 0) [1, time, taps, 1]: zero for the outputs of taps before the start. */
export function tapQueryMask(time: number, taps: number, dilation: number): tf.Tensor4D {
  return tf.tensor4d(tapsInside(time, taps, dilation), [1, time, taps, 1]);
}

/** The additive key mask (0 / -1e9) [1, time, 1, taps]: taps before the start draw no attention. */
function tapKeyMask(time: number, taps: number, dilation: number): tf.Tensor4D {
  return tf.tensor4d(
    tapsInside(time, taps, dilation).map((real) => (real ? 0 : -1e9)),
    [1, time, 1, taps],
  );
}

/**
 * head_i = softmax(Q_i K_i^T / sqrt(d_h)) V_i over each step's taps, keys before the sequence start masked, in tfjs
 * ops. qkvTaps [batch, time, taps, 3 * units] (q, k, v side by side, each split into heads) -> the heads'
 * outputs concatenated, [batch * time * taps, units].
 */
export function attendTapsWithTfjs(qkvTaps: tf.Tensor4D, shape: TapAttentionShape): tf.Tensor2D {
  const [batch, time, taps, width] = qkvTaps.shape;
  const { numHeads, dilation } = shape;
  const units = width / 3;
  const headUnits = units / numHeads;
  const rows = batch * time;
  const perHead = tf.reshape(tf.transpose(tf.reshape(qkvTaps, [rows, taps, 3, numHeads, headUnits]), [2, 0, 3, 1, 4]), [3, rows * numHeads, taps, headUnits]);
  const [q, k, v] = tf.unstack(perHead) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D]; // each [rows * heads, taps, headUnits]
  const keys = tapKeyMask(time, taps, dilation);
  const scores = tf.reshape(tf.div(batchMatMul(q, k, true), Math.sqrt(headUnits)), [batch, time, numHeads * taps, taps]); // [batch, time, heads * query taps, key taps]
  const weights = tf.reshape(tf.softmax(tf.add(scores, keys)), [rows * numHeads, taps, taps]) as tf.Tensor3D;
  const context = tf.reshape(batchMatMul(weights, v), [rows, numHeads, taps, headUnits]);
  return tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [rows * taps, units]) as tf.Tensor2D; // Concat(head_1..head_h)
}

/** The same through SerTapAttention, its gradient SerTapAttentionGrad (the saved attention weights and qkv). */
function attendTapsWithKernel(ops: NativeOps, qkvTaps: tf.Tensor4D, shape: TapAttentionShape): tf.Tensor2D {
  const [batch, time, taps, width] = qkvTaps.shape;
  const heads = { name: 'heads', int: shape.numHeads };
  const attend = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [qkv, save] = args as [tf.Tensor3D, tf.GradSaveFunc];
    const [context, weights] = ops.run('SerTapAttention', [heads, { name: 'time', int: time }, { name: 'dilation', int: shape.dilation }], [qkv], 2);
    save([qkv, weights!]);
    return {
      value: context!,
      gradFunc: (dy: tf.Tensor, [savedQkv, savedWeights]: tf.Tensor[]) => ops.run('SerTapAttentionGrad', [heads], [dy, savedQkv!, savedWeights!], 1)[0]!,
    };
  }) as (qkv: tf.Tensor3D) => tf.Tensor;
  return tf.reshape(attend(tf.reshape(qkvTaps, [batch * time, taps, width])), [batch * time * taps, width / 3]);
}

/** attendTapsWithTfjs, on the fused kernel where it is loaded. */
export function attendTaps(qkvTaps: tf.Tensor4D, shape: TapAttentionShape): tf.Tensor2D {
  const ops = nativeOps();
  return ops?.hasCustomOp('SerTapAttention') ? attendTapsWithKernel(ops, qkvTaps, shape) : attendTapsWithTfjs(qkvTaps, shape);
}
