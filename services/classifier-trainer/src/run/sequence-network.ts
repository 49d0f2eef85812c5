// The trainable network of a sequence-model run: CNN over each 32x129 segment (its deep representation), the
// fusion layer with the frozen VQ-VAE's latent (features 'fusion'), and the sequence model over an utterance's
// segments. Built from a resolved config (stored in model.json), so the kept model can be rebuilt exactly.
import * as tf from '@tensorflow/tfjs';
import {
  DEFAULT_CNN_CONFIG,
  DEFAULT_FUSION_CONFIG,
  DEFAULT_RNN_CONFIG,
  DEFAULT_TACN_MODEL_CONFIG,
  DEFAULT_TCN_CONFIG,
  createCnn,
  createFusion,
  createRnnClassifier,
  createTacn,
  createTcn,
  type CnnConfig,
  type CnnModel,
  type FusionConfig,
  type FusionModel,
  type NamedVariables,
  type SequenceClassifier,
} from '@ser/models';
import type { SequenceModelName, SequenceModelRunConfig } from './classifier-config';

/** Everything needed to rebuild the network (saved in model.json as `network`). */
export interface SequenceNetworkConfig {
  sequenceModel: SequenceModelName;
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
  dispose(): void;
}

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The network config a run trains: the model library's defaults under the run's `model` sizes. */
export function resolveNetworkConfig(config: SequenceModelRunConfig, numClasses: number, latentUnits: number | null): SequenceNetworkConfig {
  const m = config.model;
  const layers = m.cnnFilters ? m.cnnFilters.map((filters, i) => ({ filters, kernel: DEFAULT_CNN_CONFIG.layers[i]!.kernel })) : DEFAULT_CNN_CONFIG.layers;
  const cnn: CnnConfig = { ...DEFAULT_CNN_CONFIG, ...defined({ representationUnits: m.representationUnits, dropout: m.dropout }), layers };
  const fusion: FusionConfig | null =
    config.features === 'fusion' ? { ...DEFAULT_FUSION_CONFIG, deepUnits: cnn.representationUnits, latentUnits: latentUnits!, ...defined({ outputUnits: m.fusionUnits }) } : null;
  const inputUnits = fusion ? fusion.outputUnits : cnn.representationUnits;
  const common = { inputUnits, numClasses, ...defined({ dropout: m.dropout }) };
  let classifier: Record<string, unknown>;
  if (config.sequenceModel === 'tacn') classifier = { ...DEFAULT_TACN_MODEL_CONFIG, ...common, ...defined({ channels: m.channels, layers: m.layers, numHeads: m.numHeads }) };
  else if (config.sequenceModel === 'tcn') classifier = { ...DEFAULT_TCN_CONFIG, ...common, ...defined({ channels: m.channels, levels: m.layers }) };
  else classifier = { ...DEFAULT_RNN_CONFIG, ...common, variant: config.sequenceModel, ...defined({ units: m.rnnUnits }) };
  return { sequenceModel: config.sequenceModel, cnn, fusion, classifier };
}

function createClassifier(config: SequenceNetworkConfig, seed: number): SequenceClassifier<unknown> {
  if (config.sequenceModel === 'tacn') return createTacn(config.classifier, seed);
  if (config.sequenceModel === 'tcn') return createTcn(config.classifier, seed);
  return createRnnClassifier(config.classifier, seed);
}

const prefixed = (prefix: string, variables: NamedVariables): NamedVariables => Object.fromEntries(Object.entries(variables).map(([k, v]) => [`${prefix}.${k}`, v]));

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
    return n < longest ? tf.pad(part, [[0, longest - n], [0, 0]]) : part;
  });
  return tf.stack(rows) as tf.Tensor3D; // [utterances, longest, units]
}

export function createSequenceNetwork(config: SequenceNetworkConfig, seed: number): SequenceNetwork {
  const cnn: CnnModel = createCnn(config.cnn, seed);
  const fusion: FusionModel | undefined = config.fusion ? createFusion(config.fusion, seed + 1) : undefined;
  const classifier = createClassifier(config, seed + 2);
  const variables = { ...prefixed('cnn', cnn.variables), ...(fusion ? prefixed('fusion', fusion.variables) : {}), ...prefixed('classifier', classifier.variables) };
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
    dispose: () => {
      cnn.dispose();
      fusion?.dispose();
      classifier.dispose();
    },
  };
}
