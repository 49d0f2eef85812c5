// The deep-representation CNN over 32x129 spectrogram segments: the convolutional front of Satt et al. 2017
// ("Efficient emotion recognition from speech using deep learning on spectrograms", Interspeech), which the
// TACN paper uses for its deep representation. Three 'same' convolutions (time x frequency kernels), each
// followed by ReLU and 2x2 max-pooling, then one fully connected layer to the representation.
import * as tf from '@tensorflow/tfjs';
import { relu } from './layers/activations';
import { conv2dSame, createConv2d, type Conv2dParams } from './layers/conv2d';
import { createDense, dense, type DenseParams } from './layers/dense';
import { DropoutSeeds, dropout } from './layers/dropout';
import { VariableFactory, disposeVariables, type NamedVariables } from './layers/variables';

export interface CnnLayerConfig {
  filters: number;
  kernel: [number, number]; // [time, frequency]
}

export interface CnnConfig {
  frames: number;
  bins: number;
  layers: CnnLayerConfig[];
  representationUnits: number;
  dropout: number;
}

export const DEFAULT_CNN_CONFIG: CnnConfig = {
  frames: 32, // 32x129 segments, TACN paper (@ser/audio createTacnFrontEnd)
  bins: 129,
  // Filters 16, 24, 32 with time x frequency kernels 12x16, 8x12, 5x7, each followed by 2x2 max-pooling: the
  // convolutional part of Satt et al. 2017 as we read it. Their input was longer (3 s); on a 32-frame segment the
  // three poolings still leave 4 x 17 positions, so the kernels are kept as published rather than shrunk.
  layers: [
    { filters: 16, kernel: [12, 16] },
    { filters: 24, kernel: [8, 12] },
    { filters: 32, kernel: [5, 7] },
  ],
  representationUnits: 128, // 128: width of the deep representation, project choice (Satt et al. feed an LSTM instead)
  dropout: 0.3, // 0.3: before the fully connected layer, project choice
};

export interface CnnModel {
  config: CnnConfig;
  variables: NamedVariables;
  /** Deep representation of segments: [batch, frames, bins] -> [batch, representationUnits]. */
  forward(x: tf.Tensor3D, options: { training: boolean; seed?: number }): tf.Tensor2D;
  dispose(): void;
}

/** Size after 'same' conv and a 2x2 max-pool with 'same' padding: ceil(n / 2). */
const pooled = (n: number, times: number) => Array.from({ length: times }).reduce<number>((m) => Math.ceil(m / 2), n);

export function createCnn(overrides: Partial<CnnConfig> = {}, seed = 0): CnnModel {
  const config: CnnConfig = { ...DEFAULT_CNN_CONFIG, ...overrides };
  const factory = new VariableFactory('cnn', seed);
  const convs: Conv2dParams[] = config.layers.map((l, i) =>
    createConv2d(factory, `conv${i}`, i === 0 ? 1 : config.layers[i - 1]!.filters, l.filters, l.kernel),
  );
  const last = config.layers[config.layers.length - 1]!.filters;
  const flatUnits = pooled(config.frames, convs.length) * pooled(config.bins, convs.length) * last;
  const head: DenseParams = createDense(factory, 'representation', flatUnits, config.representationUnits);

  function forward(x: tf.Tensor3D, options: { training: boolean; seed?: number }): tf.Tensor2D {
    const [batch, frames, bins] = x.shape;
    tf.util.assert(frames === config.frames && bins === config.bins, () => `CNN expects ${config.frames}x${config.bins} segments, got ${frames}x${bins}`);
    const seeds = options.training ? new DropoutSeeds(options.seed ?? Math.floor(Math.random() * 2 ** 32)) : undefined;
    let h = tf.expandDims(x, 3) as tf.Tensor4D; // [batch, frames, bins, 1]
    // The first layer reads the spectrogram (no gradient wanted); the others, the layer before.
    convs.forEach((conv, i) => (h = tf.maxPool(relu(conv2dSame(conv, h, { inputGradient: i > 0 })), 2, 2, 'same'))); // [batch, ceil(t/2), ceil(f/2), filters]
    const flat = tf.reshape(h, [batch, flatUnits]) as tf.Tensor2D;
    return relu(dense(head, dropout(flat, config.dropout, seeds))); // [batch, representationUnits]
  }

  return {
    config,
    variables: factory.variables,
    forward: (x, options) => tf.tidy(() => forward(x, options)),
    dispose: () => disposeVariables(factory.variables),
  };
}
