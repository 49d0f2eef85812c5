// Fusion of the two per-segment representations (TACN paper sec. 2): the CNN's deep representation and the
// pre-trained VQ-VAE's latent representation are concatenated, then a fully connected layer gives the segment
// feature vector the sequence models read.
import * as tf from '@tensorflow/tfjs';
import type { CnnModel } from './cnn';
import { relu } from './layers/activations';
import { createDense, dense, type DenseParams } from './layers/dense';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';
import type { VqvaeModel } from './vqvae';

export interface FusionConfig {
  deepUnits: number;
  latentUnits: number;
  outputUnits: number;
}

export const DEFAULT_FUSION_CONFIG: FusionConfig = {
  deepUnits: 128, // DEFAULT_CNN_CONFIG.representationUnits
  latentUnits: 512, // DEFAULT_VQVAE_CONFIG: R_l = Flatten(D_i), 8 latent steps x 64-dim codes
  outputUnits: 256, // 256: segment feature size fed to TACN, project choice
};

export interface FusionModel {
  config: FusionConfig;
  variables: NamedVariables;
  /** relu(W [deep; latent] + b): [batch, deepUnits] and [batch, latentUnits] -> [batch, outputUnits]. */
  forward(deep: tf.Tensor2D, latent: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

export function createFusion(overrides: Partial<FusionConfig> = {}, seed = 0): FusionModel {
  const config: FusionConfig = { ...DEFAULT_FUSION_CONFIG, ...overrides };
  const factory = new VariableFactory('fusion', seed);
  const layer: DenseParams = createDense(factory, 'fc', config.deepUnits + config.latentUnits, config.outputUnits);
  return {
    config,
    variables: factory.variables,
    forward: (deep, latent) =>
      tf.tidy(() => {
        tf.util.assert(
          deep.shape[1] === config.deepUnits && latent.shape[1] === config.latentUnits,
          () => `fusion expects ${config.deepUnits} + ${config.latentUnits} units, got ${deep.shape[1]} + ${latent.shape[1]}`,
        );
        return relu(dense(layer, tf.concat([deep, latent], 1))); // [batch, outputUnits]
      }),
    dispose: () => disposeVariables(factory.variables),
  };
}

/**
 * Segment feature vectors of a batch of segments: CNN (trained) and VQ-VAE latent (pre-trained, frozen: its
 * variables are simply not handed to the optimizer) fused. [segments, frames, bins] -> [segments, outputUnits].
 */
export function fusedSegmentFeatures(
  parts: { cnn: CnnModel; vqvae: VqvaeModel; fusion: FusionModel },
  segments: tf.Tensor3D,
  options: { training: boolean; seed?: number },
): tf.Tensor2D {
  return tf.tidy(() => parts.fusion.forward(parts.cnn.forward(segments, options), parts.vqvae.latent(segments)));
}
