// 2-D convolution with 'same' padding whose gradients use only the forward Conv2D kernel, so it trains on wasm
// too (wasm has no Conv2DBackpropFilter: shared/notes/tfjs-backends.md). Native and cpu keep tfjs's own
// gradient, which is faster there.
import * as tf from '@tensorflow/tfjs';
import type { VariableFactory } from './variables';

export interface Conv2dParams {
  kernel: tf.Variable; // [kernelH, kernelW, in, out]
  bias: tf.Variable; // [out]
}

/** Initialised like PyTorch's nn.Conv2d: uniform +-1/sqrt(in * kh * kw). */
export function createConv2d(factory: VariableFactory, name: string, inChannels: number, outChannels: number, kernel: [number, number]): Conv2dParams {
  const fanIn = inChannels * kernel[0] * kernel[1];
  return {
    kernel: factory.fanIn(`${name}.kernel`, [kernel[0], kernel[1], inChannels, outChannels], fanIn),
    bias: factory.fanIn(`${name}.bias`, [outChannels], fanIn),
  };
}

/**
 * Valid, stride-1 conv2d with hand-written gradients made of forward convolutions:
 * dx = conv(pad(dy, k - 1), flip(w) with in/out swapped); dw = conv of x and dy with batch and channels swapped.
 */
export const conv2dValidForwardOnlyGrads = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, w, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.conv2d(x, w, 1, 'valid'), // [batch, h - kh + 1, w - kw + 1, out]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
      const [kh, kw] = sw.shape;
      const dyPadded = tf.pad(dy as tf.Tensor4D, [[0, 0], [kh - 1, kh - 1], [kw - 1, kw - 1], [0, 0]]);
      const flipped = tf.transpose(tf.reverse(sw, [0, 1]), [0, 1, 3, 2]); // [kh, kw, out, in]
      const dx = tf.conv2d(dyPadded, flipped, 1, 'valid'); // [batch, h, w, in]
      const xT = tf.transpose(sx, [3, 1, 2, 0]); // [in, h, w, batch]
      const dyT = tf.transpose(dy as tf.Tensor4D, [1, 2, 0, 3]); // [outH, outW, batch, out]: the "filter"
      const dw = tf.transpose(tf.conv2d(xT, dyT, 1, 'valid'), [1, 2, 0, 3]); // [in, kh, kw, out] -> [kh, kw, in, out]
      return [dx, dw];
    },
  };
}) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

/** Zero padding that keeps the size (PyTorch's padding='same': the extra row/column of an even kernel goes after). */
function samePadding(kernel: number): [number, number] {
  const before = Math.floor((kernel - 1) / 2);
  return [before, kernel - 1 - before];
}

/** 'same' stride-1 conv2d plus bias. x: [batch, h, w, in] -> [batch, h, w, out]. */
export function conv2dSame(params: Conv2dParams, x: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw] = params.kernel.shape as [number, number, number, number];
  const padded = tf.pad(x, [[0, 0], samePadding(kh), samePadding(kw), [0, 0]]);
  const kernel = params.kernel as tf.Tensor4D;
  const convolved = tf.getBackend() === 'wasm' ? conv2dValidForwardOnlyGrads(padded, kernel) : tf.conv2d(padded, kernel, 1, 'valid');
  return tf.add(convolved, params.bias);
}
