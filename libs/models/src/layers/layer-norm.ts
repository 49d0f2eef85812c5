import * as tf from '@tensorflow/tfjs';
import type { VariableFactory } from './variables';

export interface LayerNormParams {
  gamma: tf.Variable; // [features]
  beta: tf.Variable; // [features]
}

/** 1e-5: PyTorch nn.LayerNorm's default epsilon, so both implementations normalise alike. */
export const LAYER_NORM_EPSILON = 1e-5;

export function createLayerNorm(factory: VariableFactory, name: string, features: number): LayerNormParams {
  return { gamma: factory.constant(`${name}.gamma`, [features], 1), beta: factory.constant(`${name}.beta`, [features], 0) };
}

/**
 * Layer norm with its textbook gradient written out. tfjs's derived one takes ~20 kernels, and each tf.mean
 * in it uploads a JS-filled tensor of ones the size of x (tfjs-core's mean gradient): 13 million floats per FOP
 * training step. x: [rows, features], gamma/beta: [features].
 */
const layerNormKernel = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, gamma, beta, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
  const centred = tf.sub(x, tf.mean(x, -1, true)); // [rows, features]
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), LAYER_NORM_EPSILON)); // [rows, 1]
  const normalised = tf.mul(centred, rstd); // [rows, features]
  save([normalised, rstd, gamma]);
  return {
    value: tf.add(tf.mul(normalised, gamma), beta),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xHat, r, g] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
      const dxHat = tf.mul(dy, g); // [rows, features]
      // dx = rstd * (dxHat - mean(dxHat) - xHat * mean(dxHat * xHat)), means over features
      const dx = tf.mul(r, tf.sub(tf.sub(dxHat, tf.mean(dxHat, -1, true)), tf.mul(xHat, tf.mean(tf.mul(dxHat, xHat), -1, true))));
      return [dx, tf.sum(tf.mul(dy, xHat), 0), tf.sum(dy, 0)];
    },
  };
}) as (x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D) => tf.Tensor2D;

/** Normalises each row over its features, then scales and shifts: [rows, features] -> same. */
export function layerNorm(params: LayerNormParams, x: tf.Tensor2D): tf.Tensor2D {
  return layerNormKernel(x, params.gamma as tf.Tensor1D, params.beta as tf.Tensor1D);
}
