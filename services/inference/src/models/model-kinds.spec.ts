// The reader side of the kept-model contract: what writeKeptModel stores (and what the writers before format 2
// stored) serves with exactly the predictions of the network it was written from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore, type ArtifactStore } from '@ser/artifacts';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables, type FopClassifier, type FopConfig } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { loadServableModel } from './model-kinds';
import './fop-classifier';

const FOP: FopConfig = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1, dropout: 0.1, attentionDropout: 0.1 };
const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const lineage = { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null };

describe('loadServableModel', () => {
  let dir: string;
  let artifacts: ArtifactStore;
  let classifier: FopClassifier;
  let expected: number[][];
  const inputs = [0, 1].map((seed) => tf.tidy(() => tf.randomNormal([25 + 10 * seed, FOP.nMels], 0, 1, 'float32', seed).dataSync() as Float32Array));

  beforeAll(async () => {
    await initTfjs({ prefer: 'wasm' });
    dir = mkdtempSync(join(tmpdir(), 'ser-model-kinds-'));
    artifacts = createLocalArtifactStore(dir);
    classifier = createFopClassifier(createFop(FOP, 3), CLASSES.length, 3);
    expected = inputs.map((x) =>
      tf.tidy(() => classifier.forward(tf.tensor3d(x, [1, x.length / FOP.nMels, FOP.nMels]), { training: false }).probabilities.arraySync()[0]!),
    );
  });
  afterAll(() => {
    classifier?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const servedProbabilities = async (key: string) => {
    const model = await loadServableModel(artifacts, key);
    try {
      expect(model).toMatchObject({ kind: 'fop-classifier', labels: CLASSES, featureKind: 'log-mel' });
      return model.predict(inputs);
    } finally {
      model.dispose();
    }
  };
  const expectClose = (actual: number[][]) => actual.forEach((row, i) => row.forEach((p, c) => expect(p).toBeCloseTo(expected[i]![c]!, 5)));

  it('serves a fop-classifier written by writeKeptModel (safetensors) as the network it was written from', async () => {
    await writeKeptModel(artifacts, 'models/new', {
      kind: 'fop-classifier',
      fop: FOP,
      classes: CLASSES,
      weights: saveVariables(classifier.variables),
      bestEpoch: 0,
      lineage,
    });
    expect(await artifacts.exists('models/new/weights.safetensors')).toBe(true);
    expectClose(await servedProbabilities('models/new'));
  });

  it('serves a fop-classifier kept before format 2 (model.json with no weights file name, raw float32 weights.bin)', async () => {
    const { data, manifest } = saveVariables(classifier.variables);
    await artifacts.put('models/old/weights.bin', data);
    await artifacts.put(
      'models/old/model.json',
      Buffer.from(JSON.stringify({ kind: 'fop-classifier', fop: FOP, classes: CLASSES, weights: { manifest }, bestEpoch: 0, lineage })),
    );
    expectClose(await servedProbabilities('models/old'));
  });

  it('refuses a kind it cannot serve with FAILED_PRECONDITION MODEL_KIND_UNSUPPORTED', async () => {
    await artifacts.put('models/future/model.json', Buffer.from(JSON.stringify({ kind: 'fop-transducer', classes: CLASSES })));
    await expect(loadServableModel(artifacts, 'models/future')).rejects.toMatchObject({
      code: 9,
      message: expect.stringContaining("model kind 'fop-transducer' cannot be served"),
    });
  });
});
