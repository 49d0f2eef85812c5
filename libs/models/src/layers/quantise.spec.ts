import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { describe, expect, it } from 'vitest';
import { seededValues } from '../testing/fixtures';
import { finiteDifferenceGradient, maxRelativeError } from './conv-gradient-check';
import { codebookLoss, commitmentLoss, emaCodebookUpdate, nearestCodes, quantise, straightThrough } from './quantise';

// Four well-separated 3-d codes, and encoder outputs each near one of them (small steps never change the winner).
const CODEBOOK = [2, 0, 0, 0, 2, 0, 0, 0, 2, -2, -2, -2];
const codebook = () => tf.tensor2d(CODEBOOK, [4, 3]);
const encoded = () =>
  tf.add(tf.tensor2d([2, 0, 0, 0, 0, 2, -2, -2, -2, 0, 2, 0, 2, 0, 0], [5, 3]), tf.mul(tf.tensor2d(seededValues(15, 1), [5, 3]), 0.3)) as tf.Tensor2D;

describe.each(['cpu', 'wasm'] as const)('vector quantisation on %s', (kind) => {
  it('picks the nearest code of each row and forwards it', async () => {
    await initTfjs({ prefer: kind });
    expect(Array.from(nearestCodes(encoded(), codebook()))).toEqual([0, 2, 3, 1, 0]);
    const q = quantise(encoded(), codebook());
    expect(Array.from(q.output.dataSync())).toEqual([0, 2, 3, 1, 0].flatMap((k) => CODEBOOK.slice(3 * k, 3 * k + 3)));
    expect(q.assignments.sum(1).dataSync()).toEqual(new Float32Array(5).fill(1));
  });

  it('straight-through: gradient is the upstream gradient for the encoder output and zero for the codes', async () => {
    await initTfjs({ prefer: kind });
    const w = tf.tensor2d(seededValues(15, 2), [5, 3]);
    // Finite differences of the identity surrogate L(z) = sum(w * z), which the estimator claims to follow.
    const surrogate = (z: tf.Tensor) => tf.sum(tf.mul(z, w)) as tf.Scalar;
    const [dz, dq] = tf.grads((z: tf.Tensor, q: tf.Tensor) => tf.sum(tf.mul(straightThrough(z, q), w)))([encoded(), quantise(encoded(), codebook()).codes]);
    expect(maxRelativeError(dz!.dataSync(), finiteDifferenceGradient(surrogate, [encoded()], 0))).toBeLessThan(1e-3);
    expect(tf.abs(dq!).max().dataSync()[0]).toBe(0);
    // Through quantise: the encoder gets w, the codebook nothing from this path.
    const [gz, gc] = tf.grads((z: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(quantise(z as tf.Tensor2D, c as tf.Tensor2D).output, w)))([encoded(), codebook()]);
    expect(maxRelativeError(gz!.dataSync(), w.dataSync())).toBeLessThan(1e-6);
    expect(tf.abs(gc!).max().dataSync()[0]).toBe(0);
  });

  it('codebook loss moves only the codebook, commitment loss only the encoder output, as finite differences say', async () => {
    await initTfjs({ prefer: kind });
    const book = (z: tf.Tensor, c: tf.Tensor) => codebookLoss(z, quantise(z as tf.Tensor2D, c as tf.Tensor2D).codes);
    const commit = (z: tf.Tensor, c: tf.Tensor) => commitmentLoss(z, quantise(z as tf.Tensor2D, c as tf.Tensor2D).codes);
    const inputs = [encoded(), codebook()];
    const [bz, bc] = tf.grads(book)(inputs);
    const [cz, cc] = tf.grads(commit)(inputs);
    // d/de of ||sg(z) - e||^2 is all of the loss's dependence on the codebook: it must equal the finite differences.
    expect(maxRelativeError(bc!.dataSync(), finiteDifferenceGradient(book, inputs, 1, 1e-2))).toBeLessThan(2e-3);
    // d/dz of ||z - sg(e)||^2 likewise for the encoder output.
    expect(maxRelativeError(cz!.dataSync(), finiteDifferenceGradient(commit, inputs, 0, 1e-2))).toBeLessThan(2e-3);
    // And the stop-gradients cut the other paths, which finite differences would see.
    expect(tf.abs(bz!).max().dataSync()[0]).toBe(0);
    expect(tf.abs(cc!).max().dataSync()[0]).toBe(0);
    expect(Math.max(...finiteDifferenceGradient(book, inputs, 0).map(Math.abs))).toBeGreaterThan(1e-2);
  });

  it('EMA updates pull each used code to the mean of its vectors and leave unused codes in place', async () => {
    await initTfjs({ prefer: kind });
    const state = { codebook: tf.variable(codebook()), clusterSize: tf.variable(tf.ones([4])), embeddingSum: tf.variable(codebook()) };
    const z = encoded();
    for (let i = 0; i < 400; i++) emaCodebookUpdate(state, z, quantise(z, state.codebook as tf.Tensor2D).assignments, 0.9);
    const rows = z.arraySync();
    const code0Mean = [0, 1, 2].map((d) => (rows[0]![d]! + rows[4]![d]!) / 2); // rows 0 and 4 chose code 0
    const learned = state.codebook.arraySync();
    expect(maxRelativeError(learned[0]!, code0Mean)).toBeLessThan(1e-3);
    expect(maxRelativeError(learned[2]!, rows[1]!)).toBeLessThan(1e-3);
  });
});
