// Vector quantisation for the VQ-VAE (van den Oord et al. 2017): nearest codebook vector, straight-through
// gradient, codebook and commitment losses, and the EMA codebook update as an alternative to the codebook loss.
// tfjs has no stopGradient, so sg(.) and the straight-through estimator are tf.customGrad ops, and the codebook
// indices are read off the tape (shared/notes/tfjs-backends.md). Codes are picked with a one-hot matMul rather
// than tf.gather, whose gradient needs UnsortedSegmentSum, missing on wasm.
import * as tf from '@tensorflow/tfjs';
import { matMul2d } from './matmul';

/** sg(x): the value of x, gradient zero. */
export const stopGradient = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x] = args as [tf.Tensor];
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
}) as <T extends tf.Tensor>(x: T) => T;

/**
 * The straight-through estimator: forward the quantised vectors, pass the gradient unchanged to the encoder
 * output (identity), none to the codes (they learn from the codebook loss or the EMA update).
 */
export const straightThrough = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [, quantised] = args as [tf.Tensor, tf.Tensor];
  return { value: tf.clone(quantised), gradFunc: (dy: tf.Tensor) => [tf.clone(dy), tf.zerosLike(dy)] };
}) as <T extends tf.Tensor>(encoded: T, quantised: T) => T;

/** Index of the nearest code (squared Euclidean) for each row, computed without the gradient tape. */
export function nearestCodes(encoded: tf.Tensor2D, codebook: tf.Tensor2D): Int32Array {
  const indices = tf.tidy(() => {
    // |z - e|^2 = |z|^2 - 2 z.e + |e|^2; |z|^2 is the same for every code, so it does not change the argmin.
    const cross = tf.matMul(encoded, codebook, false, true); // [rows, codes]
    const codeNorms = tf.sum(tf.square(codebook), 1); // [codes]
    return tf.argMin(tf.sub(codeNorms, tf.mul(cross, 2)), 1); // [rows]
  });
  const values = indices.dataSync() as Int32Array; // read back: the indices leave the tape here
  indices.dispose();
  return Int32Array.from(values);
}

export interface Quantised {
  /** Codes in the forward pass, gradient straight through to the encoder output. [rows, dim] */
  output: tf.Tensor2D;
  /** The chosen codes e_k with their gradient to the codebook (for the codebook loss). [rows, dim] */
  codes: tf.Tensor2D;
  /** One-hot rows of the chosen codes. [rows, codes] */
  assignments: tf.Tensor2D;
  indices: Int32Array;
}

/** Quantises each row of `encoded` ([rows, dim]) to its nearest row of `codebook` ([codes, dim]). */
export function quantise(encoded: tf.Tensor2D, codebook: tf.Tensor2D): Quantised {
  tf.util.assert(encoded.shape[1] === codebook.shape[1], () => `encoder gives ${encoded.shape[1]}-d vectors, codebook holds ${codebook.shape[1]}-d codes`);
  const indices = nearestCodes(encoded, codebook);
  const assignments = tf.oneHot(tf.tensor1d(indices, 'int32'), codebook.shape[0]).toFloat() as tf.Tensor2D; // [rows, codes]
  const codes = matMul2d(assignments, codebook); // [rows, dim]
  return { output: straightThrough(encoded, codes), codes, assignments, indices };
}

/** ||sg(z_e) - e||^2, mean over elements: moves the codes toward the encoder outputs. */
export function codebookLoss(encoded: tf.Tensor, codes: tf.Tensor): tf.Scalar {
  return tf.mean(tf.square(tf.sub(stopGradient(encoded), codes)));
}

/** ||z_e - sg(e)||^2, mean over elements: keeps the encoder committed to its codes (weighted by beta). */
export function commitmentLoss(encoded: tf.Tensor, codes: tf.Tensor): tf.Scalar {
  return tf.mean(tf.square(tf.sub(encoded, stopGradient(codes))));
}

export interface EmaCodebook {
  codebook: tf.Variable; // [codes, dim]
  clusterSize: tf.Variable; // [codes]: EMA of how many vectors each code received
  embeddingSum: tf.Variable; // [codes, dim]: EMA of the sum of those vectors
}

/**
 * One EMA step (van den Oord et al. 2017, appendix A.1): N = g N + (1 - g) n, m = g m + (1 - g) sum z,
 * e = m / N with Laplace smoothing so unused codes never divide by zero. Runs outside any gradient.
 */
export function emaCodebookUpdate(state: EmaCodebook, encoded: tf.Tensor2D, assignments: tf.Tensor2D, decay: number, epsilon = 1e-5): void {
  tf.tidy(() => {
    const z = tf.tensor(encoded.dataSync(), encoded.shape) as tf.Tensor2D; // a copy with no tape history
    const a = tf.tensor(assignments.dataSync(), assignments.shape) as tf.Tensor2D;
    const counts = tf.sum(a, 0); // [codes]
    const sums = tf.matMul(a, z, true, false); // [codes, dim]
    const clusterSize = tf.add(tf.mul(state.clusterSize, decay), tf.mul(counts, 1 - decay));
    const embeddingSum = tf.add(tf.mul(state.embeddingSum, decay), tf.mul(sums, 1 - decay));
    const total = tf.sum(clusterSize);
    const codes = state.codebook.shape[0]!;
    const smoothed = tf.mul(tf.div(tf.add(clusterSize, epsilon), tf.add(total, codes * epsilon)), total); // [codes]
    state.clusterSize.assign(clusterSize);
    state.embeddingSum.assign(embeddingSum);
    state.codebook.assign(tf.div(embeddingSum, tf.expandDims(smoothed, 1)));
  });
}
