import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { attentionLstmLoss, createAttentionLstm, weightedSoftmaxCrossEntropy } from './attention-lstm';
import { createRandom } from './random';
import { maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { createAdam } from './training/optimizer-state';
import { trainLoop } from './training/train-loop';

beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
});

/** Class k: a burst of +1 on feature k at a random frame among noise, so only *where* something happens differs. */
function toyProblem(n: number, frames: number, seed: number): { x: tf.Tensor3D; labels: number[] } {
  const random = createRandom(seed);
  const dims = 3;
  const values = new Float32Array(n * frames * dims);
  const labels: number[] = [];
  for (let b = 0; b < n; b++) {
    const label = b % 2;
    labels.push(label);
    for (let i = 0; i < frames * dims; i++) values[b * frames * dims + i] = 0.3 * (random() - 0.5);
    const at = Math.floor(random() * frames);
    values[(b * frames + at) * dims + label] = 2;
  }
  return { x: tf.tensor3d(values, [n, frames, dims]), labels };
}

describe('attention-LSTM', () => {
  it('gives a distribution over classes and attention weights that sum to 1 per sequence', () => {
    const model = createAttentionLstm({ inputDim: 5, numClasses: 3, units: 6, attentionUnits: 4 }, 1);
    const out = model.forward(seededTensor3d([2, 7, 5], 1), { training: false });
    expect(out.probabilities.shape).toEqual([2, 3]);
    expect(out.attention.shape).toEqual([2, 7]);
    for (const row of out.probabilities.arraySync()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    for (const row of out.attention.arraySync()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    tf.dispose([out.logits, out.probabilities, out.attention]);
    model.dispose();
  });

  it('masks padding: a padded sequence classifies exactly like the unpadded one, with 0 attention on the padding', () => {
    const model = createAttentionLstm({ inputDim: 4, numClasses: 2, units: 5, attentionUnits: 3 }, 2);
    const real = seededTensor3d([1, 6, 4], 3);
    const padded = tf.concat([real, tf.fill([1, 4, 4], 25)], 1) as tf.Tensor3D;
    const expected = model.forward(real, { training: false });
    const masked = model.forward(padded, { training: false, lengths: [6] });
    const unmasked = model.forward(padded, { training: false });
    expect(maxAbsDiff(masked.probabilities, expected.probabilities)).toBeLessThan(1e-6);
    expect(maxAbsDiff(unmasked.probabilities, expected.probabilities)).toBeGreaterThan(1e-4);
    expect(Array.from(masked.attention.dataSync().slice(6))).toEqual([0, 0, 0, 0]);
    model.dispose();
  });

  it('sends a gradient to every variable', () => {
    const model = createAttentionLstm({ inputDim: 3, numClasses: 2, units: 4, attentionUnits: 3 }, 3);
    const { x, labels } = toyProblem(4, 5, 1);
    const { grads } = tf.variableGrads(
      () => attentionLstmLoss(model, x, labels, { training: true, seed: 1, lengths: [5, 3, 5, 2] }),
      Object.values(model.variables),
    );
    for (const [name, v] of Object.entries(model.variables)) {
      const g = grads[v.name]!;
      expect(g.shape, name).toEqual(v.shape);
      expect(tf.max(tf.abs(g)).dataSync()[0], name).toBeGreaterThan(0);
    }
    model.dispose();
  });

  it('learns a separable toy problem: which feature bursts, at any frame', async () => {
    const model = createAttentionLstm({ inputDim: 3, numClasses: 2, units: 8, attentionUnits: 8, dropout: 0 }, 4);
    const train = toyProblem(32, 12, 5);
    const test = toyProblem(32, 12, 6);
    const accuracy = (data: typeof test) => {
      const predicted = tf.tidy(() => tf.argMax(model.forward(data.x, { training: false }).probabilities, 1).arraySync() as number[]);
      return predicted.filter((p, i) => p === data.labels[i]).length / data.labels.length;
    };
    const before = accuracy(test);
    const optimizer = createAdam({ learningRate: 0.02 });
    const result = await trainLoop({
      variables: model.variables,
      optimizer,
      epochs: 60,
      batches: [train],
      lossFn: (b, ctx) => attentionLstmLoss(model, b.x, b.labels, { training: true, seed: ctx.seed }),
    });
    expect(result.history[result.history.length - 1]!.trainLoss).toBeLessThan(result.history[0]!.trainLoss / 4);
    expect(accuracy(test)).toBeGreaterThanOrEqual(0.9);
    expect(before).toBeLessThan(0.9);
    optimizer.dispose();
    model.dispose();
  });

  it('weighs the cross-entropy per class: weights scale each example in a weighted mean', () => {
    const logits = tf.tensor2d([
      [2, 0],
      [0, 1],
    ]);
    const ce = (row: number[], label: number) => -Math.log(Math.exp(row[label]!) / row.reduce((a, v) => a + Math.exp(v), 0));
    const plain = weightedSoftmaxCrossEntropy(logits, [1, 1]).dataSync()[0]!;
    expect(plain).toBeCloseTo((ce([2, 0], 1) + ce([0, 1], 1)) / 2, 5);
    const weighted = weightedSoftmaxCrossEntropy(logits, [0, 1], [3, 1]).dataSync()[0]!;
    expect(weighted).toBeCloseTo((3 * ce([2, 0], 0) + ce([0, 1], 1)) / 4, 5);
  });

  it('starts its LSTM with forget-gate bias 1 (input bias block 1, recurrent block 0), other gates as PyTorch', () => {
    const units = 6;
    const model = createAttentionLstm({ inputDim: 5, numClasses: 3, units, attentionUnits: 4 }, 7);
    const inputBias = model.variables['lstm.inputBias']!.dataSync();
    const recurrentBias = model.variables['lstm.recurrentBias']!.dataSync();
    expect([...inputBias.slice(units, 2 * units)]).toEqual(new Array(units).fill(1));
    expect([...recurrentBias.slice(units, 2 * units)]).toEqual(new Array(units).fill(0));
    // The input, cell and output gates keep PyTorch's uniform +-1/sqrt(units), not constants.
    const others = [...inputBias.slice(0, units), ...inputBias.slice(2 * units)];
    expect(Math.max(...others.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(units));
    expect(new Set(others).size).toBeGreaterThan(1);
  });
});
