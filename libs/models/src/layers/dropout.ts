import * as tf from '@tensorflow/tfjs';
import { mixSeed } from '../random';
import { dropoutMaskTensor } from './dropout-mask';

/**
 * Hands each dropout site of one forward pass its own seed, in call order, so a pass is replayable from one
 * number (the training loop derives it from the run seed and the global step, which makes resumes exact).
 */
export class DropoutSeeds {
  private calls = 0;
  constructor(private readonly seed: number) {}
  next(): number {
    return mixSeed(this.seed, ++this.calls);
  }
}

/** Inverted dropout with a mask drawn in JS from `seeds` (the same on every backend); identity when off. */
export function dropout<T extends tf.Tensor>(x: T, rate: number, seeds: DropoutSeeds | undefined): T {
  if (!seeds || rate <= 0) return x;
  tf.util.assert(rate < 1, () => `dropout rate must be < 1, got ${rate}`);
  return tf.mul(x, dropoutMaskTensor(x.shape, rate, seeds.next()));
}
