// 2-D convolution with 'same' padding whose gradients use only the forward Conv2D kernel, on every backend: wasm
// has no Conv2DBackpropFilter (shared/notes/tfjs-backends.md), and elsewhere the forward kernel is the faster one.
// Timed once with tf.profile on 512 segments when this changed: TensorFlow's Conv2DBackpropFilter took 1772 ms for
// the first layer (1 input channel) against 312 ms for its forward pass, and tfjs's cpu gradient about 20x what
// this one takes. `test/bench/cnn.ts` keeps the CNN's training step side by side with PyTorch's.
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
 * `inputGradient: false` returns zeros for dx: a network's first layer reads data, and customGrad computes every
 * input's gradient (that convolution was a fifth of the CNN's training step).
 */
function forwardOnlyGradConv(inputGradient: boolean) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, w, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x, w]);
    return {
      value: tf.conv2d(x, w, 1, 'valid'), // [batch, h - kh + 1, w - kw + 1, out]
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const [kh, kw] = sw.shape;
        let dx: tf.Tensor4D;
        if (inputGradient) {
          const dyPadded = tf.pad(dy as tf.Tensor4D, [
            [0, 0],
            [kh - 1, kh - 1],
            [kw - 1, kw - 1],
            [0, 0],
          ]);
          const flipped = tf.transpose(tf.reverse(sw, [0, 1]), [0, 1, 3, 2]); // [kh, kw, out, in]
          dx = tf.conv2d(dyPadded, flipped, 1, 'valid'); // [batch, h, w, in]
        } else dx = tf.zerosLike(sx);
        const xT = tf.transpose(sx, [3, 1, 2, 0]); // [in, h, w, batch]
        const dyT = tf.transpose(dy as tf.Tensor4D, [1, 2, 0, 3]); // [outH, outW, batch, out]: the "filter"
        const dw = tf.transpose(tf.conv2d(xT, dyT, 1, 'valid'), [1, 2, 0, 3]); // [in, kh, kw, out] -> [kh, kw, in, out]
        return [dx, dw];
      },
    };
  }) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
}

export const conv2dValidForwardOnlyGrads = forwardOnlyGradConv(true);
const conv2dValidKernelGradOnly = forwardOnlyGradConv(false);

/** Zero padding that keeps the size (PyTorch's padding='same': the extra row/column of an even kernel goes after). */
function samePadding(kernel: number): [number, number] {
  const before = Math.floor((kernel - 1) / 2);
  return [before, kernel - 1 - before];
}

/**
 * 'same' stride-1 conv2d plus bias. x: [batch, h, w, in] -> [batch, h, w, out]. `inputGradient: false` (x is
 * data) gives x a zero gradient instead of computing it.
 */
export function conv2dSame(params: Conv2dParams, x: tf.Tensor4D, options: { inputGradient?: boolean } = {}): tf.Tensor4D {
  const [kh, kw] = params.kernel.shape as [number, number, number, number];
  const padded = tf.pad(x, [[0, 0], samePadding(kh), samePadding(kw), [0, 0]]);
  const kernel = params.kernel as tf.Tensor4D;
  const conv = options.inputGradient === false ? conv2dValidKernelGradOnly : conv2dValidForwardOnlyGrads;
  return tf.add(conv(padded, kernel), params.bias);
}
