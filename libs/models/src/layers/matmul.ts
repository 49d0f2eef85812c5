import * as tf from '@tensorflow/tfjs';

// Every dense layer and attention product goes through here, so the choice of kernel is made in one place.
// On wasm only an unbatched, non-transposed 2-D matMul reaches XNNPACK; the gradients tfjs derives for matMul use
// transposed matMuls, which fall to a naive loop (1-2 GFLOP/s). Transposing explicitly, then multiplying plainly,
// is 2.5x faster for a whole training step (shared/notes/tfjs-backends.md). Native TensorFlow handles transposed
// operands inside its GEMM, where an explicit transpose would only add a copy.

/** Backends whose matMul is fast only for plain, unbatched, non-transposed operands. */
const PLAIN_ONLY_BACKENDS = new Set(['wasm', 'cpu']);

function wantsExplicitTranspose(): boolean {
  return PLAIN_ONLY_BACKENDS.has(tf.getBackend());
}

/** a @ b for 2-D operands, whose gradient is two plain matMuls over explicitly transposed copies. */
export const matMulExplicitTranspose = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b), // [m, n]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [
        tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)), // [m, k]
        tf.matMul(tf.transpose(sa), dy as tf.Tensor2D), // [k, n]
      ];
    },
  };
}) as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/** a @ b on [rows, k] x [k, n], with whichever gradient is fast on the active backend. */
export function matMul2d(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  tf.util.assert(a.rank === 2 && b.rank === 2, () => `matMul2d wants 2-D operands, got ${a.shape} x ${b.shape}`);
  return wantsExplicitTranspose() ? matMulExplicitTranspose(a, b) : tf.matMul(a, b);
}

/**
 * Above this many matrices, batchMatMul keeps one batched kernel on wasm/cpu: tf.unstack there costs more per
 * slice the more slices there are (a training batch's 128 slices of [200, 200] took 2.9 s), while for up to a
 * few heads (inference on one utterance: 4) it is cheap and the 2-D products are 4-5x faster.
 */
const MAX_SPLIT = 16;

/**
 * a @ b (or a @ b^T) over [n, m, k]: the attention products. One batched kernel, except on plain-only backends
 * with few matrices, where each becomes a fast 2-D matMul.
 */
export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D, transposeB = false): tf.Tensor3D {
  if (!wantsExplicitTranspose() || a.shape[0] > MAX_SPLIT) return tf.matMul(a, b, false, transposeB);
  const bs = tf.unstack(b) as tf.Tensor2D[];
  const products = (tf.unstack(a) as tf.Tensor2D[]).map((ai, i) => matMulExplicitTranspose(ai, transposeB ? tf.transpose(bs[i]!) : bs[i]!));
  return tf.stack(products) as tf.Tensor3D;
}
