import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainWithEarlyStopping } from './train-with-early-stopping';

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

/** w moves toward 3 every epoch; the "held-out loss" is scripted per epoch, so which epoch is best is known. */
function setup() {
  const w = tf.variable(tf.scalar(0), true);
  const weightsAfter: number[] = [];
  const lossFn = () => tf.square(tf.sub(w, 3)) as tf.Scalar;
  return { w, weightsAfter, lossFn };
}

describe('trainWithEarlyStopping', () => {
  it('stops after `patience` epochs without improvement and restores the best epoch weights', async () => {
    const { w, weightsAfter, lossFn } = setup();
    const heldOut = [1.0, 0.5, 0.7, 0.8, 0.4];
    const told: number[] = [];
    const result = await trainWithEarlyStopping({
      variables: { w },
      optimizer: tf.train.sgd(0.1),
      batches: [0],
      lossFn,
      epochs: 5,
      patience: 1,
      validate: (epoch) => {
        weightsAfter.push(w.dataSync()[0]!);
        return heldOut[epoch]!;
      },
      onEpochEnd: (e) => told.push(e.epoch),
    });
    expect(result.status).toBe('stopped');
    expect(result.history.map((e) => [e.epoch, e.validationLoss, e.improved])).toEqual([
      [0, 1.0, true],
      [1, 0.5, true],
      [2, 0.7, false],
      [3, 0.8, false],
    ]);
    expect(told).toEqual([0, 1, 2, 3]);
    expect(result).toMatchObject({ bestEpoch: 1, bestValidationLoss: 0.5 });
    expect(w.dataSync()[0]).toBe(weightsAfter[1]); // not the weights of the last epoch run
    expect(weightsAfter[3]).not.toBe(weightsAfter[1]);
    w.dispose();
  });

  it('a cancel before any epoch leaves the initial weights and bestEpoch -1', async () => {
    const { w, lossFn } = setup();
    const result = await trainWithEarlyStopping({
      variables: { w },
      batches: [0],
      lossFn,
      epochs: 3,
      patience: 2,
      validate: () => 1,
      shouldCancel: () => true,
    });
    expect(result).toMatchObject({ status: 'cancelled', bestEpoch: -1, history: [] });
    expect(w.dataSync()[0]).toBe(0);
    w.dispose();
  });
});
