import * as tf from '@tensorflow/tfjs';

/**
 * ReLU whose gradient is dy * sign(relu(x)): two cheap element-wise ops. tfjs derives ReLU's gradient through the
 * Step kernel, which tfjs-node builds from six ops (isNaN, a JS-filled ones tensor, fill, where, select): it
 * cost more than the FFN's matMuls in a profile of the training step.
 */
export const relu = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const y = tf.relu(x);
  save([y]);
  return { value: y, gradFunc: (dy: tf.Tensor, [saved]: tf.Tensor[]) => tf.mul(dy, tf.sign(saved!)) };
}) as <T extends tf.Tensor>(x: T) => T;

/**
 * mean(|a - b|) with gradient sign(a - b) / n (0 where equal, like tfjs's own). tfjs derives |x|' through the same
 * slow Step kernel as ReLU, and the mean through a JS-filled ones tensor.
 */
export const meanAbsoluteError = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  const difference = tf.sub(a, b);
  save([difference]);
  return {
    value: tf.mean(tf.abs(difference)),
    gradFunc: (dy: tf.Tensor, [d]: tf.Tensor[]) => {
      const da = tf.mul(tf.sign(d!), tf.div(dy, d!.size));
      return [da, tf.neg(da)];
    },
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Scalar;
