import * as tf from '@tensorflow/tfjs';
import { initTfjs, nativeOps } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDiff, seededTensor3d } from '../testing/fixtures';
import { createRecurrentCell, lstmPointwise, runRecurrent, type RecurrentCellParams } from './recurrent';
import { VariableFactory } from './variables';

// The native backend where it loads (CI builds it at install), so the fused kernel is what these cases compare.
beforeAll(async () => {
  await initTfjs({ prefer: 'node' }).catch(() => initTfjs({ prefer: 'cpu' }));
});

/** Gradients of sum(outputs * weights) + sum(final c) with respect to x and every cell parameter. */
function gradientsOf(cell: RecurrentCellParams, x: tf.Tensor3D, weights: tf.Tensor3D, lengths?: number[], reverse = false) {
  const params = [cell.inputKernel, cell.recurrentKernel, cell.inputBias, cell.recurrentBias];
  return tf.grads((xx: tf.Tensor, ...p: tf.Tensor[]) => {
    const run = runRecurrent(
      { ...cell, inputKernel: p[0] as tf.Variable, recurrentKernel: p[1] as tf.Variable, inputBias: p[2] as tf.Variable, recurrentBias: p[3] as tf.Variable },
      xx as tf.Tensor3D,
      { lengths, reverse },
    );
    return tf.add(tf.sum(tf.mul(run.outputs, weights)), tf.sum(run.final.c!));
  })([x, ...params]);
}

describe('fused LSTM (BlockLSTMV2 on the native backend)', () => {
  it('runs exactly where the native backend is active, and runRecurrent takes it there', async () => {
    const native = tf.getBackend() === 'tensorflow';
    expect(nativeOps() !== undefined).toBe(native);
    const cell = createRecurrentCell(new VariableFactory('t', 4), 'cell', 'lstm', 5, 4);
    const x = seededTensor3d([2, 30, 5], 13);
    const kernels = async (lengths?: number[]) => (await tf.profile(() => runRecurrent(cell, x, { lengths }).outputs)).kernels.length;
    // 30 steps of the loop dispatch hundreds of kernels; the fused run a handful, whatever the sequence length.
    if (native) expect(await kernels()).toBeLessThan(20);
    expect(await kernels([30, 30])).toBeGreaterThan(100);
  });

  it.each([false, true])('gives the step loop’s outputs, final state and gradients (backwards: %s)', (reverse) => {
    const cell = createRecurrentCell(new VariableFactory('t', 3), 'cell', 'lstm', 5, 4, { forgetBias: 1 });
    const x = seededTensor3d([3, 7, 5], 11);
    const weights = seededTensor3d([3, 7, 4], 12);
    const full = [7, 7, 7]; // every step real: the loop runs (masks of ones), and the numbers must not change
    const fused = runRecurrent(cell, x, { reverse });
    const loop = runRecurrent(cell, x, { lengths: full, reverse });
    expect(fused.outputs.shape).toEqual([3, 7, 4]);
    expect(maxAbsDiff(fused.outputs, loop.outputs)).toBeLessThan(1e-6);
    expect(maxAbsDiff(fused.final.h, loop.final.h)).toBeLessThan(1e-6);
    expect(maxAbsDiff(fused.final.c!, loop.final.c!)).toBeLessThan(1e-6);
    const [fusedGrads, loopGrads] = [gradientsOf(cell, x, weights, undefined, reverse), gradientsOf(cell, x, weights, full, reverse)];
    fusedGrads.forEach((g, i) => {
      expect(g.shape).toEqual(loopGrads[i]!.shape);
      expect(maxAbsDiff(g, loopGrads[i]!), `gradient ${i}`).toBeLessThan(1e-5);
    });
    expect(tf.sum(tf.abs(fusedGrads[1]!)).dataSync()[0]).toBeGreaterThan(0); // the recurrent kernel learns too
  });
});

describe('lstmPointwise', () => {
  it('has the gradient autodiff gives the plain cell equations', () => {
    const pre = tf.tensor2d(
      Array.from({ length: 2 * 12 }, (_, i) => Math.sin(i * 1.7) * 2),
      [2, 12],
    );
    const c = tf.tensor2d(
      Array.from({ length: 2 * 3 }, (_, i) => Math.cos(i) * 0.8),
      [2, 3],
    );
    const weights = tf.tensor2d(
      Array.from({ length: 2 * 6 }, (_, i) => ((i * 7) % 5) - 2),
      [2, 6],
    );
    const plain = (p: tf.Tensor, cc: tf.Tensor) => {
      const [pi, pf, pg, po] = [0, 1, 2, 3].map((k) => tf.slice(p, [0, 3 * k], [2, 3]));
      const cNext = tf.add(tf.mul(tf.sigmoid(pf!), cc), tf.mul(tf.sigmoid(pi!), tf.tanh(pg!)));
      return tf.concat([tf.mul(tf.sigmoid(po!), tf.tanh(cNext)), cNext], 1);
    };
    expect(maxAbsDiff(lstmPointwise(pre, c), plain(pre, c))).toBeLessThan(1e-6);
    const loss = (f: (p: tf.Tensor, cc: tf.Tensor) => tf.Tensor) => (p: tf.Tensor, cc: tf.Tensor) => tf.sum(tf.mul(f(p, cc), weights));
    const [custom, reference] = [tf.grads(loss(lstmPointwise))([pre, c]), tf.grads(loss(plain))([pre, c])];
    expect(maxAbsDiff(custom[0]!, reference[0]!)).toBeLessThan(1e-6);
    expect(maxAbsDiff(custom[1]!, reference[1]!)).toBeLessThan(1e-6);
  });
});
