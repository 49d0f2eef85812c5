import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFop, fopNextFrameLoss, type FopModel } from '../fop';
import { loadVariables, saveVariables } from '../serialization';
import { TINY_FOP, seededValues } from '../testing/fixtures';
import { cropBatchTensor, cropBatches, type CropBatch } from './crop-batches';
import { createAdam, loadAdamState, saveAdamState } from './optimizer-state';
import { trainLoop, type TrainLoopOptions } from './train-loop';

beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
});

// Variable-length sequences, random crops that differ per epoch, dropout on: everything a resume must replay.
const sequences = [14, 20, 9, 17, 25, 12].map((frames, i) => seededValues(frames * 8, 100 + i));
const EPOCHS = 4;

function options(fop: FopModel, optimizer: tf.Optimizer): TrainLoopOptions<CropBatch> {
  return {
    variables: fop.variables,
    optimizer,
    batches: (epoch) => cropBatches(sequences, { batchSize: 3, cropFrames: 10, seed: 5, epoch, nMels: 8 }),
    lossFn: (batch, context) => fopNextFrameLoss(fop, cropBatchTensor(batch), { ...context, lengths: batch.lengths }),
    epochs: EPOCHS,
    seed: 42,
  };
}

function maxVariableDiff(a: FopModel, b: FopModel): number {
  return Math.max(...Object.keys(a.variables).map((name) => tf.tidy(() => tf.max(tf.abs(tf.sub(a.variables[name]!, b.variables[name]!))).dataSync()[0]!)));
}

describe('exact resume', () => {
  it('train k epochs, save weights + Adam state, load into a fresh model, continue == uninterrupted', async () => {
    const uninterrupted = createFop(TINY_FOP, 1);
    const optimizerA = createAdam();
    const lossesA: number[] = [];
    await trainLoop({ ...options(uninterrupted, optimizerA), hooks: { onBatchEnd: ({ loss }) => void lossesA.push(loss) } });

    const firstHalf = createFop(TINY_FOP, 1);
    const optimizerB = createAdam();
    const lossesB: number[] = [];
    const partial = await trainLoop({
      ...options(firstHalf, optimizerB),
      hooks: { onBatchEnd: ({ loss }) => void lossesB.push(loss), onEpochEnd: (epoch) => (epoch === 1 ? 'stop' : undefined) },
    });
    expect(partial).toMatchObject({ status: 'stopped', epochsCompleted: 2, steps: 4 });
    // What a checkpoint artifact holds, copied so nothing is shared with the first model.
    const weights = saveVariables(firstHalf.variables);
    const adam = await saveAdamState(optimizerB, firstHalf.variables);
    expect(adam.step).toBe(4);

    const resumed = createFop(TINY_FOP, 999); // different init: everything must come from the checkpoint
    const optimizerC = createAdam();
    loadVariables(resumed.variables, { manifest: weights.manifest, data: Buffer.from(weights.data) });
    await loadAdamState(optimizerC, resumed.variables, { ...adam, data: Buffer.from(adam.data) });
    const rest = await trainLoop({
      ...options(resumed, optimizerC),
      startEpoch: partial.epochsCompleted,
      startStep: partial.steps,
      hooks: { onBatchEnd: ({ loss }) => void lossesB.push(loss) },
    });
    expect(rest).toMatchObject({ status: 'completed', epochsCompleted: EPOCHS, steps: 8 });
    expect(lossesB).toHaveLength(lossesA.length);
    lossesB.forEach((loss, i) => expect(Math.abs(loss - lossesA[i]!)).toBeLessThan(1e-5));
    expect(maxVariableDiff(resumed, uninterrupted)).toBeLessThan(1e-5);

    // Control: the same resume without Adam's state drifts, so the comparison above can fail.
    const withoutState = createFop(TINY_FOP, 999);
    loadVariables(withoutState.variables, weights);
    const optimizerD = createAdam();
    await trainLoop({ ...options(withoutState, optimizerD), startEpoch: 2, startStep: 4 });
    expect(maxVariableDiff(withoutState, uninterrupted)).toBeGreaterThan(1e-4);

    for (const o of [optimizerA, optimizerB, optimizerC, optimizerD]) o.dispose();
    for (const m of [uninterrupted, firstHalf, resumed, withoutState]) m.dispose();
  });

  it('refuses to load Adam state into an optimizer that has already stepped', async () => {
    const fop = createFop(TINY_FOP, 1);
    const optimizer = createAdam();
    await trainLoop({ ...options(fop, optimizer), epochs: 1 });
    const state = await saveAdamState(optimizer, fop.variables);
    await expect(loadAdamState(optimizer, fop.variables, state)).rejects.toThrow(/fresh optimizer/);
    optimizer.dispose();
    fop.dispose();
  });
});
