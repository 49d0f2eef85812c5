// The trainable network of a sequence-model run: CNN over each 32x129 segment (its deep representation), the
// fusion layer with the frozen VQ-VAE's latent (features 'fusion'), and the sequence model over an utterance's
// segments. Built from a resolved config (stored in model.json), so the classifier trainer and the inference
// service rebuild exactly the same network.
import * as tf from '@tensorflow/tfjs';
import { createCnn, type CnnConfig, type CnnModel } from './cnn';
import { createFusion, type FusionConfig, type FusionModel } from './fusion';
import type { NamedVariables } from './layers/variables';
import { createRnnClassifier, type RnnVariant } from './rnn';
import { createTacn, DEFAULT_TACN_MODEL_CONFIG, tacnConfigProblems, type TacnModelConfig } from './tacn';
import { createTcn, type SequenceClassifier } from './tcn';

export type SequenceModelKind = 'tacn' | 'tcn' | RnnVariant;

/** Everything needed to rebuild the network (saved in model.json as `network`). */
export interface SequenceNetworkConfig {
  sequenceModel: SequenceModelKind;
  cnn: CnnConfig;
  /** null for features 'deep'. */
  fusion: FusionConfig | null;
  /** The sequence model's own config (TacnModelConfig, TcnConfig or RnnConfig). */
  classifier: Record<string, unknown>;
}

export interface SequenceNetwork {
  config: SequenceNetworkConfig;
  /** Every trained variable, keyed `cnn.*`, `fusion.*`, `classifier.*` (the layout of weights.bin). */
  variables: NamedVariables;
  /**
   * Logits [utterances, classes] of a batch of utterances: `segments` [total, frames, bins] holds each one's
   * segments back to back (`lengths` of them each); `latent` [total, latentUnits] their VQ-VAE latents ('fusion').
   */
  forward(segments: tf.Tensor3D, lengths: readonly number[], latent: tf.Tensor2D | undefined, options: { training: boolean; seed?: number }): tf.Tensor2D;
  /**
   * Per-utterance representations, inference mode, each the mean over the utterance's segments: `deep` the CNN's
   * output [utterances, representationUnits], `fused` the fusion layer's [utterances, outputUnits] (null for 'deep').
   * What the TACN paper's t-SNE figure compares.
   */
  represent(segments: tf.Tensor3D, lengths: readonly number[], latent: tf.Tensor2D | undefined): { deep: tf.Tensor2D; fused: tf.Tensor2D | null };
  dispose(): void;
}

function createClassifier(config: SequenceNetworkConfig, seed: number): SequenceClassifier<unknown> {
  if (config.sequenceModel === 'tacn') return createTacn(config.classifier, seed);
  if (config.sequenceModel === 'tcn') return createTcn(config.classifier, seed);
  return createRnnClassifier(config.classifier, seed);
}

const prefixed = (prefix: string, variables: NamedVariables): NamedVariables =>
  Object.fromEntries(Object.entries(variables).map(([k, v]) => [`${prefix}.${k}`, v]));

/**
 * Per-utterance rows of `features` [total, units] right-padded into [utterances, longest, units]; built from
 * slices and pads (not gather, whose gradient the wasm backend lacks).
 */
export function padSequences(features: tf.Tensor2D, lengths: readonly number[]): tf.Tensor3D {
  const longest = Math.max(...lengths);
  let offset = 0;
  const rows = lengths.map((n) => {
    const part = tf.slice(features, [offset, 0], [n, features.shape[1]]); // [n, units]
    offset += n;
    return n < longest
      ? tf.pad(part, [
          [0, longest - n],
          [0, 0],
        ])
      : part;
  });
  return tf.stack(rows) as tf.Tensor3D; // [utterances, longest, units]
}

/** The mean of each utterance's rows of `features` [total, units] ([utterances, units]). */
export function utteranceMeans(features: tf.Tensor2D, lengths: readonly number[]): tf.Tensor2D {
  let offset = 0;
  const means = lengths.map((n) => {
    const part = tf.slice(features, [offset, 0], [n, features.shape[1]]);
    offset += n;
    return tf.mean(part, 0);
  });
  return tf.stack(means) as tf.Tensor2D;
}

/**
 * What keeps a resolved network config from being built, empty when nothing does: a trainer calls it before a run
 * starts, so a bad size is refused with these words rather than failing inside the worker.
 */
export function sequenceNetworkConfigProblems(config: SequenceNetworkConfig): string[] {
  if (config.sequenceModel !== 'tacn') return [];
  return tacnConfigProblems({ ...DEFAULT_TACN_MODEL_CONFIG, ...(config.classifier as Partial<TacnModelConfig>) });
}

export function createSequenceNetwork(config: SequenceNetworkConfig, seed: number): SequenceNetwork {
  const problems = sequenceNetworkConfigProblems(config);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const cnn: CnnModel = createCnn(config.cnn, seed);
  const fusion: FusionModel | undefined = config.fusion ? createFusion(config.fusion, seed + 1) : undefined;
  const classifier = createClassifier(config, seed + 2);
  const variables = {
    ...prefixed('cnn', cnn.variables),
    ...(fusion ? prefixed('fusion', fusion.variables) : {}),
    ...prefixed('classifier', classifier.variables),
  };
  return {
    config,
    variables,
    forward: (segments, lengths, latent, options) =>
      tf.tidy(() => {
        tf.util.assert(!fusion || latent !== undefined, () => 'a fusion network needs the VQ-VAE latents of its segments');
        const deep = cnn.forward(segments, options); // [total, representationUnits]
        const perSegment = fusion ? fusion.forward(deep, latent!) : deep; // [total, units]
        return classifier.forward(padSequences(perSegment, lengths), { ...options, lengths }); // [utterances, classes]
      }),
    represent: (segments, lengths, latent) => {
      const out = tf.tidy(() => {
        tf.util.assert(!fusion || latent !== undefined, () => 'a fusion network needs the VQ-VAE latents of its segments');
        const perSegment = cnn.forward(segments, { training: false });
        const deep = utteranceMeans(perSegment, lengths);
        return fusion ? { deep, fused: utteranceMeans(fusion.forward(perSegment, latent!), lengths) } : { deep };
      }) as { deep: tf.Tensor2D; fused?: tf.Tensor2D };
      return { deep: out.deep, fused: out.fused ?? null };
    },
    dispose: () => {
      cnn.dispose();
      fusion?.dispose();
      classifier.dispose();
    },
  };
}
