// Finite-difference gradient checking for the specs of the convolution and quantisation layers (not exported).
import * as tf from '@tensorflow/tfjs';

/**
 * Central differences of a scalar function of several tensors, with respect to input `which`:
 * (f(x + eps e_i) - f(x - eps e_i)) / 2 eps for every element i. Keep inputs small (one evaluation pair each).
 */
export function finiteDifferenceGradient(f: (...xs: tf.Tensor[]) => tf.Scalar, inputs: tf.Tensor[], which: number, eps = 1e-2): Float32Array {
  const x = inputs[which]!;
  const base = x.dataSync() as Float32Array;
  const out = new Float32Array(base.length);
  const evaluate = (values: Float32Array) =>
    tf.tidy(() => {
      const args = inputs.map((t, i) => (i === which ? tf.tensor(values, x.shape) : t));
      return f(...args).dataSync()[0]!;
    });
  for (let i = 0; i < base.length; i++) {
    const plus = Float32Array.from(base);
    const minus = Float32Array.from(base);
    plus[i]! += eps;
    minus[i]! -= eps;
    out[i] = (evaluate(plus) - evaluate(minus)) / (2 * eps);
  }
  return out;
}

/** Largest |a - b| relative to max(1, |b|), elementwise. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return worst;
}
