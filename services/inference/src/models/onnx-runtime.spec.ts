// SER_INFERENCE_RUNTIME=onnx serves a fop-classifier through ONNX Runtime with the probabilities tfjs serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { synthesizeTestSignal } from '@ser/audio';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { loadServableModel, type ServableModel } from './model-kinds';
import { inferenceRuntime } from './onnx-runtime';
import './fop-classifier';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];

describe('inferenceRuntime', () => {
  it('is tfjs unless SER_INFERENCE_RUNTIME says onnx, and refuses anything else', () => {
    expect(inferenceRuntime({})).toBe('tfjs');
    expect(inferenceRuntime({ SER_INFERENCE_RUNTIME: 'onnx' })).toBe('onnx');
    expect(() => inferenceRuntime({ SER_INFERENCE_RUNTIME: 'torch' })).toThrow(/must be one of tfjs, onnx/);
  });
});

describe('a fop-classifier under SER_INFERENCE_RUNTIME=onnx', () => {
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
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SER_INFERENCE_RUNTIME;
    else process.env.SER_INFERENCE_RUNTIME = saved;
  });
  afterAll(() => {
    loaded.forEach((m) => m.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  const load = async (runtime: string) => {
    process.env.SER_INFERENCE_RUNTIME = runtime;
    const model = await loadServableModel(artifacts, 'models/r');
    loaded.push(model);
    return model;
  };

  it('answers through ONNX Runtime with the probabilities tfjs gives, for a padded batch of two lengths', async () => {
    const [tfjs, onnx] = [await load('tfjs'), await load('onnx')];
    expect(onnx).toMatchObject({ kind: 'fop-classifier', labels: CLASSES, featureKind: 'log-mel' });
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
