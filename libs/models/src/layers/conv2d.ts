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

/** Zero padding that keeps the size (PyTorch's padding='same': the extra row/column of an even kernel goes after). */
function samePadding(kernel: number): [number, number] {
  const before = Math.floor((kernel - 1) / 2);
  return [before, kernel - 1 - before];
}

/**
 * 'same' stride-1 conv2d (no bias) with hand-written gradients: the forward pass pads x and convolves validly; the
 * input gradient is taken for x itself, not its padded copy: conv(pad(dy, the padding swapped), flip(w)) has x's
 * size, where the padded copy's gradient was (h + kh - 1) x (w + kw - 1) positions (68 % more for the CNN's second
 * layer) and then a slice. The kernel gradient convolves the padded x saved from the forward pass with dy.
 */
function sameConv(inputGradient: boolean) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, w, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    const [kh, kw] = w.shape;
    const inputShape = x.shape;
    const [top, bottom] = samePadding(kh);
    const [left, right] = samePadding(kw);
    const padded = tf.pad(x, [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ]);
    save([padded, w]);
    return {
      value: tf.conv2d(padded, w, 1, 'valid'), // [batch, h, w, out]
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dx = inputGradient
          ? tf.conv2d(
              tf.pad(dy as tf.Tensor4D, [
                [0, 0],
                [bottom, top],
                [right, left],
                [0, 0],
              ]),
              tf.transpose(tf.reverse(sw, [0, 1]), [0, 1, 3, 2]),
              1,
              'valid',
            )
          : tf.zeros(inputShape); // x itself may be gone by now: only its shape is kept
        const xT = tf.transpose(sx, [3, 1, 2, 0]); // [in, h + kh - 1, w + kw - 1, batch]
        const dyT = tf.transpose(dy as tf.Tensor4D, [1, 2, 0, 3]); // [h, w, batch, out]: the "filter"
        const dw = tf.transpose(tf.conv2d(xT, dyT, 1, 'valid'), [1, 2, 0, 3]); // [in, kh, kw, out] -> [kh, kw, in, out]
        return [dx, dw];
      },
    };
  }) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
}

const sameConvWithInputGradient = sameConv(true);
const sameConvKernelGradOnly = sameConv(false);

/**
 * 'same' stride-1 conv2d plus bias. x: [batch, h, w, in] -> [batch, h, w, out]. `inputGradient: false` (x is
 * data) gives x a zero gradient instead of computing it.
 */
export function conv2dSame(params: Conv2dParams, x: tf.Tensor4D, options: { inputGradient?: boolean } = {}): tf.Tensor4D {
  const conv = options.inputGradient === false ? sameConvKernelGradOnly : sameConvWithInputGradient;
  return tf.add(conv(x, params.kernel as tf.Tensor4D), params.bias);
}
