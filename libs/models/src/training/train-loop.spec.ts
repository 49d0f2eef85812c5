import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { EarlyStopping } from './early-stopping';
import { createAdam } from './optimizer-state';
import { trainLoop, type StepContext } from './train-loop';

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

/** Fits w to minimise (w - target)^2: small enough to reason about every step. */
function quadratic(target: number) {
  const w = tf.variable(tf.scalar(0), true);
  const lossFn = (batch: number) => tf.mul(tf.square(tf.sub(w, target)), batch) as tf.Scalar;
  return { variables: { w }, lossFn };
}

describe('trainLoop', () => {
  it('runs every batch of every epoch, reporting each step and each epoch mean', async () => {
    const { variables, lossFn } = quadratic(3);
    const steps: number[] = [];
    const epochs: Array<[number, number, number]> = [];
    const result = await trainLoop({
      variables,
      batches: [1, 1, 1],
      lossFn,
      epochs: 2,
      hooks: {
        onBatchEnd: ({ step }) => void steps.push(step),
        onEpochEnd: (epoch, m) => void epochs.push([epoch, m.batches, m.steps]),
      },
    });
    expect(result).toMatchObject({ status: 'completed', epochsCompleted: 2, steps: 6 });
    expect(steps).toEqual([0, 1, 2, 3, 4, 5]);
    expect(epochs).toEqual([
      [0, 3, 3],
      [1, 3, 6],
    ]);
    expect(result.history[1]!.trainLoss).toBeLessThan(result.history[0]!.trainLoss); // Adam moved w toward 3
    expect(variables.w.dataSync()[0]).toBeGreaterThan(0);
  });

  it('asks a batch factory for each epoch and accepts async iterables', async () => {
    const { variables, lossFn } = quadratic(1);
    const asked: number[] = [];
    async function* twoBatches() {
      yield 1;
      yield 2;
    }
    const result = await trainLoop({
      variables,
      batches: (epoch) => {
        asked.push(epoch);
        return twoBatches();
      },
      lossFn,
      epochs: 3,
    });
    expect(asked).toEqual([0, 1, 2]);
    expect(result.steps).toBe(6);
  });

  it("stops early when onEpochEnd returns 'stop' (EarlyStopping on a held-out loss)", async () => {
    const { variables, lossFn } = quadratic(2);
    const stopper = new EarlyStopping({ patience: 1 });
    const heldOut = [0.5, 0.4, 0.45, 0.6, 0.1]; // worsens twice after epoch 1
    const result = await trainLoop({
      variables,
      batches: [1],
      lossFn,
      epochs: 5,
      hooks: { onEpochEnd: (epoch) => (stopper.update(heldOut[epoch]!, epoch).stop ? 'stop' : undefined) },
    });
    expect(result).toMatchObject({ status: 'stopped', epochsCompleted: 4, steps: 4 });
    expect(stopper.bestEpoch).toBe(1);
  });

  it('cancels before the next batch when shouldCancel turns true', async () => {
    const { variables, lossFn } = quadratic(2);
    let seen = 0;
    const result = await trainLoop({
      variables,
      batches: [1, 1, 1, 1],
      lossFn,
      epochs: 2,
      hooks: { onBatchEnd: () => void seen++, shouldCancel: () => seen >= 2 },
    });
    expect(result).toMatchObject({ status: 'cancelled', steps: 2, epochsCompleted: 0 });
  });

  it('hands each step a dropout seed derived from (run seed, global step), so runs replay', async () => {
    const contexts = async (seed: number, startStep = 0) => {
      const { variables, lossFn } = quadratic(1);
      const seen: StepContext[] = [];
      await trainLoop({
        variables,
        batches: [1, 1],
        lossFn: (b, c) => (seen.push(c), lossFn(b)),
        epochs: 1,
        seed,
        startStep,
        optimizer: createAdam(),
      });
      return seen;
    };
    const a = await contexts(7);
    expect(a.map((c) => c.step)).toEqual([0, 1]);
    expect(await contexts(7)).toEqual(a);
    expect((await contexts(8)).map((c) => c.seed)).not.toEqual(a.map((c) => c.seed));
    expect((await contexts(7, 1))[0]!.seed).toBe(a[1]!.seed); // a resumed step gets the seed it would have had
  });
});
