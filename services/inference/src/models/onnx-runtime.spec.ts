// SER_INFERENCE_RUNTIME=onnx serves a fop-classifier and a fop-hypercolumn-attention-lstm through ONNX Runtime with
// the probabilities tfjs serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { synthesizeTestSignal } from '@ser/audio';
import { writeKeptModel } from '@ser/model-artifacts';
import { createAttentionLstm, createFop, createFopClassifier, hypercolumnDim, saveVariables } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { loadServableModel, type ServableModel } from './model-kinds';
import { inferenceRuntime } from './onnx-runtime';
import './fop-classifier';
import './hypercolumn-model';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];

describe('inferenceRuntime', () => {
  it('is tfjs unless SER_INFERENCE_RUNTIME says onnx, and refuses anything else', () => {
    expect(inferenceRuntime({})).toBe('tfjs');
    expect(inferenceRuntime({ SER_INFERENCE_RUNTIME: 'onnx' })).toBe('onnx');
    expect(() => inferenceRuntime({ SER_INFERENCE_RUNTIME: 'torch' })).toThrow(/must be one of tfjs, onnx/);
  });
});

describe('FOP-based kinds under SER_INFERENCE_RUNTIME=onnx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ser-onnx-serving-'));
  const artifacts = createLocalArtifactStore(dir);
  const saved = process.env.SER_INFERENCE_RUNTIME;
  const loaded: ServableModel[] = [];

  beforeAll(async () => {
    await initTfjs();
    const fop = createFop({ dModel: 32, numHeads: 4, ffnUnits: 64, numLayers: 2 }, 5);
    const classifier = createFopClassifier(fop, CLASSES.length, 6);
    const lineage = { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null };
    await writeKeptModel(artifacts, 'models/r', {
      kind: 'fop-classifier',
      fop: fop.config,
      classes: CLASSES,
      weights: saveVariables(classifier.variables),
      bestEpoch: 0,
      lineage,
    });
    const dim = hypercolumnDim(fop.config, 'concat');
    const lstm = createAttentionLstm({ inputDim: dim, numClasses: CLASSES.length, units: 16, attentionUnits: 8 }, 7);
    await writeKeptModel(artifacts, 'models/lstm', {
      kind: 'fop-hypercolumn-attention-lstm',
      classes: CLASSES,
      fop: { config: fop.config, weights: saveVariables(fop.variables) },
      representation: 'concat',
      maxFrames: 200,
      // Log-mel values sit around -5; the layers' around 0 with unit spread.
      standardizer: {
        mean: Array.from({ length: dim }, (_, j) => (j < fop.config.nMels ? -5 : 0)),
        std: Array.from({ length: dim }, (_, j) => (j < fop.config.nMels ? 3 : 1)),
      },
      attentionLstm: { config: lstm.config, weights: saveVariables(lstm.variables) },
      bestEpoch: 0,
      lineage,
    });
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SER_INFERENCE_RUNTIME;
    else process.env.SER_INFERENCE_RUNTIME = saved;
  });
  afterAll(() => {
    loaded.forEach((m) => m.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  const load = async (runtime: string, key: string) => {
    process.env.SER_INFERENCE_RUNTIME = runtime;
    const model = await loadServableModel(artifacts, key);
    loaded.push(model);
    return model;
  };

  it.each([
    ['fop-classifier', 'models/r'],
    ['fop-hypercolumn-attention-lstm', 'models/lstm'],
  ])('%s answers through ONNX Runtime with the probabilities tfjs gives, for a padded batch of two lengths', async (kind, key) => {
    const [tfjs, onnx] = [await load('tfjs', key), await load('onnx', key)];
    expect(onnx).toMatchObject({ kind, labels: CLASSES, featureKind: 'log-mel' });
    const inputs = [0.6, 1.4].map((seconds, i) => onnx.featurize(synthesizeTestSignal({ sampleRate: 16000, seconds, seed: i + 1 })));
    expect(inputs.map((x) => Array.from(x))).toEqual(
      inputs.map((_, i) => Array.from(tfjs.featurize(synthesizeTestSignal({ sampleRate: 16000, seconds: [0.6, 1.4][i]!, seed: i + 1 })))),
    );
    const answer = onnx.predict(inputs);
    expect(answer).toBeInstanceOf(Promise); // the ONNX Runtime servable, not the tfjs one
    const [got, expected] = [await answer, await tfjs.predict(inputs)];
    expect(got).toHaveLength(2);
    got.forEach((row, i) => row.forEach((p, c) => expect(Math.abs(p - expected[i]![c]!)).toBeLessThanOrEqual(1e-4)));
  });
});
