import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdam } from './training/optimizer-state';
import { maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { codebookPerplexity, createVqvae, vqvaeLosses } from './vqvae';

const TINY = { frames: 8, bins: 5, hiddenChannels: 12, embeddingDim: 4, codebookSize: 16 };

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

describe('VQ-VAE', () => {
  it('maps 32x129 segments to 8 latent steps, reconstructs the input shape, and gives a flat latent', () => {
    const model = createVqvae({}, 1);
    const x = seededTensor3d([2, 32, 129], 1);
    const out = model.forward(x);
    expect(out.reconstruction.shape).toEqual([2, 32, 129]);
    expect(out.encoded.shape).toEqual([16, 64]);
    expect(out.indices).toHaveLength(16);
    expect(out.latent.shape).toEqual([2, 8 * 64]);
    expect(model.latent(x).shape).toEqual([2, model.latentUnits]);
    // R_l = Flatten(D_i) (TACN paper sec. 2.1): the decoder's input, i.e. each latent step's chosen code, flattened.
    const codebook = model.variables.codebook!.arraySync() as number[][];
    const expected = Array.from(out.indices).flatMap((code) => codebook[code]!);
    expect(maxAbsDiff(out.latent, tf.tensor2d(expected, [2, 8 * 64]))).toBeLessThan(1e-6);
    expect(Object.keys(model.trainableVariables)).toContain('codebook');
    model.dispose();
  });

  it('training lowers the loss, and the latent depends only on the chosen codes', async () => {
    const model = createVqvae(TINY, 2);
    const x = seededTensor3d([16, 8, 5], 3);
    const optimizer = createAdam({ learningRate: 1e-2 });
    const losses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const cost = optimizer.minimize(() => vqvaeLosses(model, x).total, true, Object.values(model.trainableVariables));
      losses.push(cost!.dataSync()[0]!);
    }
    expect(losses[losses.length - 1]!).toBeLessThan(0.8 * losses[0]!);
    // Same codes in, same latent out: the latent comes after the quantiser (paper eq. 1).
    const a = model.forward(x.slice(0, 1));
    const b = model.forward(tf.concat([x.slice(0, 1), x.slice(0, 1)]));
    expect(Array.from(b.latent.slice(1, 1).dataSync())).toEqual(Array.from(a.latent.dataSync()));
    expect(codebookPerplexity(model.forward(x).indices, TINY.codebookSize)).toBeGreaterThan(1);
    optimizer.dispose();
    model.dispose();
  });

  it('with EMA the codebook is not trained by the optimizer but moves with the EMA update', () => {
    const model = createVqvae({ ...TINY, ema: true }, 4);
    expect(Object.keys(model.trainableVariables)).not.toContain('codebook');
    expect(Object.keys(model.variables)).toEqual(expect.arrayContaining(['codebook', 'ema.clusterSize', 'ema.embeddingSum']));
    const before = model.variables.codebook!.arraySync();
    const x = seededTensor3d([4, 8, 5], 5);
    const optimizer = createAdam();
    optimizer.minimize(() => vqvaeLosses(model, x, { updateEma: true }).total, false, Object.values(model.trainableVariables));
    expect(model.variables.codebook!.arraySync()).not.toEqual(before);
    const { total, reconstruction, commitment } = vqvaeLosses(model, x);
    expect(total.dataSync()[0]).toBeCloseTo(reconstruction.dataSync()[0]! + 0.25 * commitment.dataSync()[0]!, 5);
    optimizer.dispose();
    model.dispose();
  });

  it('codebook perplexity is the effective number of codes in use', () => {
    expect(codebookPerplexity(Int32Array.from([0, 1, 2, 3]), 8)).toBeCloseTo(4);
    expect(codebookPerplexity(Int32Array.from([5, 5, 5]), 8)).toBeCloseTo(1);
  });
});
