import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff, seededValues } from '../testing/fixtures';
import { batchMatMul, matMul2d, matMulExplicitTranspose } from './matmul';

const a = () => tf.tensor2d(seededValues(37 * 29, 1), [37, 29]); // odd sizes exercise the kernels' edge tiles
const b = () => tf.tensor2d(seededValues(29 * 23, 2), [29, 23]);
// A non-uniform upstream gradient, so a gradient that ignores dy cannot pass.
const weightOut = (n: number, m: number) => tf.tensor2d(seededValues(n * m, 3), [n, m]);

describe.each(['cpu', 'wasm'] as const)('matMul with explicit-transpose gradient on %s', (kind) => {
  it('has the value and the gradients of plain tf.matMul, to 1e-5', async () => {
    await initTfjs({ prefer: kind });
    const w = weightOut(37, 23);
    const plain = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D), w)));
    const fast = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(matMulExplicitTranspose(x as tf.Tensor2D, y as tf.Tensor2D), w)));
    const [expectedA, expectedB] = plain([a(), b()]);
    const [gotA, gotB] = fast([a(), b()]);
    expect(maxAbsDiff(gotA!, expectedA!)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gotB!, expectedB!)).toBeLessThan(1e-5);
    expect(maxAbsDiff(matMulExplicitTranspose(a(), b()), tf.matMul(a(), b()))).toBeLessThan(1e-5);
    // The dispatcher picks the explicit version on this backend and must agree too.
    expect(maxAbsDiff(matMul2d(a(), b()), tf.matMul(a(), b()))).toBeLessThan(1e-5);
  });

  it('batchMatMul (with and without transposed b, split and batched) has the gradients of batched tf.matMul', async () => {
    await initTfjs({ prefer: kind });
    for (const n of [3, 17]) {
      // 3 matrices take the per-matrix 2-D path on this backend, 17 the batched kernel.
      const x = tf.tensor3d(seededValues(n * 7 * 5, 4), [n, 7, 5]);
      const w = tf.tensor3d(seededValues(n * 7 * 6, 7), [n, 7, 6]);
      for (const transposeB of [false, true]) {
        const y = tf.tensor3d(seededValues(n * 5 * 6, 5), transposeB ? [n, 6, 5] : [n, 5, 6]);
        const plain = tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.mul(tf.matMul(p as tf.Tensor3D, q as tf.Tensor3D, false, transposeB), w)));
        const ours = tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.mul(batchMatMul(p as tf.Tensor3D, q as tf.Tensor3D, transposeB), w)));
        const expected = plain([x, y]);
        const got = ours([x, y]);
        expect(maxAbsDiff(got[0]!, expected[0]!)).toBeLessThan(1e-5);
        expect(maxAbsDiff(got[1]!, expected[1]!)).toBeLessThan(1e-5);
      }
    }
  });
});
