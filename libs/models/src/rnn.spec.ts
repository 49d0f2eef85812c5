import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecurrentCell, runRecurrent } from './layers/recurrent';
import { VariableFactory } from './layers/variables';
import { createAdam } from './training/optimizer-state';
import { maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { createRnnClassifier, type RnnVariant } from './rnn';
import { sequenceClassifierLoss } from './tcn';

const VARIANTS: RnnVariant[] = ['simple-rnn', 'gru', 'bigru', 'lstm', 'bilstm'];

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

describe.each(VARIANTS)('%s classifier', (variant) => {
  it('classifies a padded utterance in a batch like the same utterance alone', () => {
    const model = createRnnClassifier({ variant, inputUnits: 4, units: 5, layers: 2, numClasses: 3 }, 1);
    const short = seededTensor3d([1, 3, 4], 1);
    const batch = tf.concat([tf.concat([short, tf.fill([1, 3, 4], 4)], 1), seededTensor3d([1, 6, 4], 2)]) as tf.Tensor3D;
    const inBatch = model.forward(batch, { training: false, lengths: [3, 6] });
    expect(inBatch.shape).toEqual([2, 3]);
    expect(maxAbsDiff(inBatch.slice(0, 1), model.forward(short, { training: false }))).toBeLessThan(1e-5);
    model.dispose();
  });
});

describe('recurrent cells', () => {
  it('LSTM step follows PyTorch: c = f c + i g, h = o tanh(c), gates i, f, g, o', () => {
    const cell = createRecurrentCell(new VariableFactory('t', 1), 'cell', 'lstm', 2, 3);
    const x = seededTensor3d([1, 1, 2], 3);
    const pre = tf.add(tf.add(tf.matMul(x.reshape([1, 2]), cell.inputKernel), cell.inputBias), cell.recurrentBias); // h0 = 0
    const part = (k: number) => pre.slice([0, 3 * k], [1, 3]);
    const c = tf.mul(tf.sigmoid(part(0)), tf.tanh(part(2))); // c0 = 0
    const h = tf.mul(tf.sigmoid(part(3)), tf.tanh(c));
    const run = runRecurrent(cell, x);
    expect(maxAbsDiff(run.final.h, h)).toBeLessThan(1e-6);
    expect(maxAbsDiff(run.final.c!, c)).toBeLessThan(1e-6);
  });

  it("backwards over a padded batch starts at each sequence's last real step", () => {
    const cell = createRecurrentCell(new VariableFactory('t', 2), 'cell', 'gru', 2, 3);
    const x = seededTensor3d([1, 4, 2], 4);
    const reversed = tf.reverse(x, 1) as tf.Tensor3D;
    const padded = tf.concat([x, tf.fill([1, 2, 2], 3)], 1) as tf.Tensor3D;
    const backwards = runRecurrent(cell, padded, { lengths: [4], reverse: true }).final.h;
    expect(maxAbsDiff(backwards, runRecurrent(cell, reversed).final.h)).toBeLessThan(1e-6);
  });

  it('a BiLSTM learns to tell rising from falling sequences', () => {
    const model = createRnnClassifier({ variant: 'bilstm', inputUnits: 1, units: 6, numClasses: 2, dropout: 0 }, 2);
    const x = tf.tensor3d(Array.from({ length: 8 }, (_, b) => [0, 1, 2, 3, 4].map((t) => (b % 2 ? 4 - t : t) / 4 + 0.1 * b)).flat(), [8, 5, 1]);
    const labels = [0, 1, 0, 1, 0, 1, 0, 1];
    const optimizer = createAdam({ learningRate: 3e-2 });
    let loss = Infinity;
    for (let i = 0; i < 40; i++)
      loss = optimizer
        .minimize(() => sequenceClassifierLoss(model, x, labels, { training: true, seed: i }), true, Object.values(model.variables))!
        .dataSync()[0]!;
    expect(loss).toBeLessThan(0.2);
    optimizer.dispose();
  });
});
