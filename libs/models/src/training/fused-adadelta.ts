// Adadelta on flat vectors (see flat-optimizer.ts): tfjs's AdadeltaOptimizer's kernels in its order, run once over
// all variables. Like tfjs, the step's denominator uses the squared-gradient average from before this gradient.
import * as tf from '@tensorflow/tfjs';
import { FlatOptimizer, type FlatUpdate } from './flat-optimizer';

export interface AdadeltaConfig {
  learningRate: number;
  rho: number;
  epsilon: number;
}

export const DEFAULT_ADADELTA_CONFIG: AdadeltaConfig = {
  learningRate: 1, // 1.0, rho 0.95, epsilon 1e-7: Keras' Adadelta defaults (the TACN paper's Keras setup, sec. 3.2)
  rho: 0.95,
  epsilon: 1e-7,
};

export class FusedAdadelta extends FlatOptimizer {
  static get className(): string {
    return 'FusedAdadelta';
  }

  protected readonly slotNames = ['accum_grad', 'accum_var'];

  constructor(readonly config: AdadeltaConfig) {
    super();
  }

  protected update([accumulatedGrad, accumulatedUpdate]: readonly tf.Tensor[], gradient: tf.Tensor, value: tf.Tensor): FlatUpdate {
    const { learningRate, rho, epsilon } = this.config;
    const newAccumulatedGrad = tf.add(tf.mul(accumulatedGrad!, rho), tf.mul(tf.square(gradient), 1 - rho));
    const updates = tf.mul(tf.div(tf.sqrt(tf.add(accumulatedUpdate!, epsilon)), tf.sqrt(tf.add(accumulatedGrad!, epsilon))), gradient);
    const newAccumulatedUpdate = tf.add(tf.mul(accumulatedUpdate!, rho), tf.mul(tf.square(updates), 1 - rho));
    const newValue = tf.add(tf.mul(updates, -learningRate), value);
    return { slots: [newAccumulatedGrad, newAccumulatedUpdate], value: newValue };
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...this.config };
  }
}

export function createAdadelta(overrides: Partial<AdadeltaConfig> = {}): FusedAdadelta {
  return new FusedAdadelta({ ...DEFAULT_ADADELTA_CONFIG, ...overrides });
}
