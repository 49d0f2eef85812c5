// Adam on flat vectors (see flat-optimizer.ts): tfjs's AdamOptimizer's kernels in its order, run once over all
// variables. The bias correction divides by 1 - beta^t with beta^t kept as a running product (as tfjs, so the steps
// match it bit for bit), and resumes as beta^(t+1) from the iteration count (as tfjs's setWeights).
import * as tf from '@tensorflow/tfjs';
import { FlatOptimizer, type FlatUpdate } from './flat-optimizer';
import type { AdamConfig } from './optimizer-state';

export class FusedAdam extends FlatOptimizer {
  static get className(): string {
    return 'FusedAdam';
  }

  protected readonly slotNames = ['m', 'v'];
  /** beta1^(t+1), beta2^(t+1) after t updates. */
  private readonly accBeta1: tf.Variable;
  private readonly accBeta2: tf.Variable;

  constructor(readonly config: AdamConfig) {
    super();
    this.accBeta1 = tf.tidy(() => tf.variable(tf.scalar(config.beta1), false));
    this.accBeta2 = tf.tidy(() => tf.variable(tf.scalar(config.beta2), false));
  }

  protected update([m, v]: readonly tf.Tensor[], gradient: tf.Tensor, value: tf.Tensor): FlatUpdate {
    const { learningRate, beta1, beta2, epsilon } = this.config;
    const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
    const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
    const newM = tf.add(tf.mul(m!, beta1), tf.mul(gradient, 1 - beta1));
    const newV = tf.add(tf.mul(v!, beta2), tf.mul(tf.square(gradient), 1 - beta2));
    const mHat = tf.div(newM, oneMinusAccBeta1);
    const vHat = tf.div(newV, oneMinusAccBeta2);
    const newValue = tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)), -learningRate), value);
    return { slots: [newM, newV], value: newValue };
  }

  protected override afterUpdate(): void {
    this.accBeta1.assign(tf.mul(this.accBeta1, this.config.beta1));
    this.accBeta2.assign(tf.mul(this.accBeta2, this.config.beta2));
  }

  protected override restoreStepState(): void {
    tf.tidy(() => {
      this.accBeta1.assign(tf.pow(this.config.beta1, this.iterations + 1));
      this.accBeta2.assign(tf.pow(this.config.beta2, this.iterations + 1));
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...this.config };
  }

  override dispose(): void {
    super.dispose();
    this.accBeta1.dispose();
    this.accBeta2.dispose();
  }
}
