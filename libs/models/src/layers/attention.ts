import * as tf from '@tensorflow/tfjs';
import { dense, type DenseParams } from './dense';
import { DropoutSeeds, dropout } from './dropout';
import { batchMatMul } from './matmul';
import type { VariableFactory } from './variables';

export interface AttentionParams {
  qkv: DenseParams; // [dModel, 3 * dModel]: queries, keys, values of every head in one matMul
  out: DenseParams; // [dModel, dModel]
}

export interface AttentionShape {
  batch: number;
  frames: number;
  heads: number;
}

export function createAttention(factory: VariableFactory, name: string, dModel: number): AttentionParams {
  // Glorot for the fused projection and zero biases: what PyTorch's nn.MultiheadAttention does.
  return {
    qkv: { kernel: factory.glorot(`${name}.qkv.kernel`, [dModel, 3 * dModel]), bias: factory.constant(`${name}.qkv.bias`, [3 * dModel], 0) },
    out: { kernel: factory.fanIn(`${name}.out.kernel`, [dModel, dModel], dModel), bias: factory.constant(`${name}.out.bias`, [dModel], 0) },
  };
}

const masks = new Map<number, Float32Array>();

/** Additive causal mask: 0 where frame t may see frame s (s <= t), -1e9 where s is in its future. [frames, frames] */
export function causalMask(frames: number): tf.Tensor2D {
  let mask = masks.get(frames);
  if (!mask) {
    mask = new Float32Array(frames * frames);
    for (let t = 0; t < frames; t++) mask.fill(-1e9, t * frames + t + 1, (t + 1) * frames);
    masks.set(frames, mask);
  }
  return tf.tensor2d(mask, [frames, frames]);
}

/** [batch * frames, dModel] -> [batch * heads, frames, headDim]: each head's sequence as one batch item. */
function splitHeads(x: tf.Tensor2D, { batch, frames, heads }: AttentionShape): tf.Tensor3D {
  const headDim = x.shape[1] / heads;
  const perHead = tf.transpose(tf.reshape(x, [batch, frames, heads, headDim]), [0, 2, 1, 3]); // [batch, heads, frames, headDim]
  return tf.reshape(perHead, [batch * heads, frames, headDim]);
}

/** Inverse of splitHeads: [batch * heads, frames, headDim] -> [batch * frames, heads * headDim]. */
function mergeHeads(x: tf.Tensor3D, { batch, frames, heads }: AttentionShape): tf.Tensor2D {
  const headDim = x.shape[2];
  const perFrame = tf.transpose(tf.reshape(x, [batch, heads, frames, headDim]), [0, 2, 1, 3]); // [batch, frames, heads, headDim]
  return tf.reshape(perFrame, [batch * frames, heads * headDim]);
}

/**
 * Masked multi-head self-attention: frame t attends to frames <= t only, which is what lets FOP predict the
 * future from the past. x: [batch * frames, dModel] -> [batch * frames, dModel].
 */
export function causalSelfAttention(
  params: AttentionParams,
  x: tf.Tensor2D,
  shape: AttentionShape,
  attentionDropout: number,
  seeds: DropoutSeeds | undefined,
): tf.Tensor2D {
  const dModel = x.shape[1];
  tf.util.assert(dModel % shape.heads === 0, () => `dModel ${dModel} is not divisible by ${shape.heads} heads`);
  const headDim = dModel / shape.heads;
  const [q, k, v] = tf.split(dense(params.qkv, x), 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D]; // [batch * frames, dModel] each
  const queries = splitHeads(tf.mul(q, 1 / Math.sqrt(headDim)), shape); // [batch * heads, frames, headDim]
  const scores = tf.add(batchMatMul(queries, splitHeads(k, shape), true), causalMask(shape.frames)); // [batch * heads, frames, frames]
  const weights = dropout(tf.softmax(scores), attentionDropout, seeds); // [batch * heads, frames, frames]
  const context = batchMatMul(weights as tf.Tensor3D, splitHeads(v, shape)); // [batch * heads, frames, headDim]
  return dense(params.out, mergeHeads(context, shape)); // [batch * frames, dModel]
}
