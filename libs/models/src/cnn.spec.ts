import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCnn } from './cnn';
import { createFusion, fusedSegmentFeatures } from './fusion';
import { maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { createVqvae } from './vqvae';

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

describe('CNN (Satt et al. 2017 configuration) and fusion', () => {
  it('turns 32x129 segments into a deep representation, with 3 conv layers of 16, 24 and 32 filters', () => {
    const cnn = createCnn({}, 1);
    expect(['conv0', 'conv1', 'conv2'].map((n) => cnn.variables[`${n}.kernel`]!.shape)).toEqual([
      [12, 16, 1, 16],
      [8, 12, 16, 24],
      [5, 7, 24, 32],
    ]);
    expect(cnn.variables['representation.kernel']!.shape).toEqual([4 * 17 * 32, 128]);
    const x = seededTensor3d([2, 32, 129], 1);
    expect(cnn.forward(x, { training: false }).shape).toEqual([2, 128]);
    cnn.dispose();
  });

  it('fuses [deep; latent] through one fully connected layer, training the CNN and fusion but not the VQ-VAE', () => {
    const small = { frames: 8, bins: 6 };
    const cnn = createCnn({ ...small, layers: [{ filters: 2, kernel: [3, 3] }], representationUnits: 5 }, 2);
    const vqvae = createVqvae({ ...small, hiddenChannels: 4, embeddingDim: 3, codebookSize: 8 }, 3);
    const fusion = createFusion({ deepUnits: 5, latentUnits: vqvae.latentUnits, outputUnits: 7 }, 4);
    const x = seededTensor3d([3, 8, 6], 5);
    const features = fusedSegmentFeatures({ cnn, vqvae, fusion }, x, { training: false });
    expect(features.shape).toEqual([3, 7]);
    const { kernel, bias } = { kernel: fusion.variables['fc.kernel']!, bias: fusion.variables['fc.bias']! };
    const expected = tf.relu(tf.add(tf.matMul(tf.concat([cnn.forward(x, { training: false }), vqvae.latent(x)], 1), kernel), bias));
    expect(maxAbsDiff(features, expected)).toBeLessThan(1e-5);
    const trained = { ...cnn.variables, ...fusion.variables };
    const { grads } = tf.variableGrads(
      () => tf.sum(fusedSegmentFeatures({ cnn, vqvae, fusion }, x, { training: true, seed: 1 })) as tf.Scalar,
      Object.values(trained),
    );
    expect(Object.keys(grads)).toHaveLength(Object.keys(trained).length);
  });
});
