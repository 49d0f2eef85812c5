import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { sequenceModelRunConfigSchema } from '../../run/classifier-config';
import { predictSequences, type SequenceData } from './sequence-fold';
import { createSequenceNetwork, resolveNetworkConfig } from './sequence-network';
import { selectSegments, trainingWindow, windowOf } from './sequence-segments';

const SHAPE = { frames: 32, bins: 129 };
const SIZE = SHAPE.frames * SHAPE.bins;

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

function utterance(segments: number, seed: number): Float32Array {
  return Float32Array.from({ length: segments * SIZE }, (_, i) => Math.sin(i * 0.001 * seed) + (i % 7) * 0.1);
}

describe('segments of an utterance', () => {
  it('keeps every segment unless told otherwise, every stride-th one, always the first', () => {
    expect(selectSegments(utterance(70, 1), SHAPE, 1).count).toBe(70);
    expect(selectSegments(utterance(70, 1), SHAPE, 2).count).toBe(35);
    expect(selectSegments(utterance(70, 1), SHAPE, 1, 16).count).toBe(16);
    expect(selectSegments(utterance(1, 1), SHAPE, 3).count).toBe(1);
  });

  it('trains on a seeded window of maxSegments consecutive segments, anywhere in a longer utterance', () => {
    expect(trainingWindow(10, 16, 1)).toEqual({ start: 0, count: 10 });
    const starts = new Set(Array.from({ length: 50 }, (_, seed) => trainingWindow(40, 16, seed).start));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...starts)).toBeLessThanOrEqual(24);
    expect(starts.size).toBeGreaterThan(10); // not always the beginning
    expect(trainingWindow(40, 16, 7)).toEqual(trainingWindow(40, 16, 7));
    const sequence = selectSegments(utterance(40, 2), SHAPE, 1);
    const view = windowOf(sequence, { start: 5, count: 16 }, SHAPE);
    expect(view.count).toBe(16);
    expect(view.data[0]).toBe(sequence.data[5 * SIZE]);
  });

  it('classifies the whole utterance at test time: a change after maxSegments changes the prediction', () => {
    const config = sequenceModelRunConfigSchema.parse({
      method: 'sequence-model',
      datasetVersionId: 'dv',
      sequenceModel: 'tcn',
      features: 'deep',
      maxSegments: 2,
      model: { cnnFilters: [2], representationUnits: 4, channels: 4, layers: 3 },
    });
    const network = createSequenceNetwork(resolveNetworkConfig(config, 3, null), 1);
    const stats = { mean: new Array<number>(SHAPE.bins).fill(0), std: new Array<number>(SHAPE.bins).fill(1) };
    const original = selectSegments(utterance(6, 3), SHAPE, 1);
    const changed = { data: original.data.slice(), count: original.count };
    changed.data.fill(5, 5 * SIZE); // only the last of six segments differs
    const data: SequenceData = { sequences: [original, changed], labels: [0, 0], shape: SHAPE, stats };
    const [a, b] = predictSequences(network, data, [0, 1], 2);
    expect(Math.max(...a!.map((p, i) => Math.abs(p - b![i]!)))).toBeGreaterThan(1e-6);
    network.dispose();
    tf.disposeVariables();
  });
});
