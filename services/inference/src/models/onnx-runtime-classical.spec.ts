// SER_INFERENCE_RUNTIME=onnx serves fop-hypercolumn-classical models (the production recipe's h2 + SVM, the log-mel
// baseline's F + random forest) through ONNX Runtime with the probabilities the tfjs / libsvm path serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { synthesizeTestSignal } from '@ser/audio';
import { createClassicalClassifier, type ClassicalClassifierConfig } from '@ser/classical';
import { writeKeptModel } from '@ser/model-artifacts';
import { batchHypercolumns, createFop, hypercolumnDim, poolFrames, saveVariables, type FramePooling, type HypercolumnRepresentation } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { logMelFeatures } from './fop-classifier';
import { loadBothRuntimes } from '../testing/both-runtimes';
import type { ServableModel } from './model-kinds';
import './hypercolumn-model';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const audio = (seconds: number, seed: number) => synthesizeTestSignal({ sampleRate: 16000, seconds, seed });

describe('fop-hypercolumn-classical under SER_INFERENCE_RUNTIME=onnx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ser-onnx-classical-'));
  const artifacts = createLocalArtifactStore(dir);
  const loaded: ServableModel[] = [];

  beforeAll(async () => {
    await initTfjs();
    const fop = createFop({ dModel: 32, numHeads: 4, ffnUnits: 64, numLayers: 2 }, 5);
    // 20 generated utterances of 0.4-0.8 s, labels 0-3 in turn: the classifiers' training rows.
    const training = Array.from({ length: 20 }, (_, i) => logMelFeatures(audio(0.4 + (i % 5) * 0.1, 50 + i)));
    const keep = async (key: string, representation: HypercolumnRepresentation, pooling: FramePooling, config: ClassicalClassifierConfig) => {
      const dim = hypercolumnDim(fop.config, representation);
      const frames = training.map((x) => x.length / fop.config.nMels);
      const rows = batchHypercolumns(fop, training, frames, representation).map((s) => Array.from(poolFrames(s, dim, pooling)));
      const classifier = createClassicalClassifier(config);
      classifier.fit(
        rows,
        rows.map((_, i) => i % 4),
      );
      await writeKeptModel(artifacts, key, {
        kind: 'fop-hypercolumn-classical',
        classes: CLASSES,
        fop: { config: fop.config, weights: saveVariables(fop.variables) },
        representation,
        pooling,
        classifier: classifier.toJSON(),
        lineage: { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null },
      });
      classifier.dispose();
    };
    await keep('models/h2-svm', 'h2', 'mean-std', { kind: 'svm', kernel: 'rbf', C: 4, probability: true });
    await keep('models/f-forest', 'F', 'mean', { kind: 'random-forest', nEstimators: 20, seed: 3 });
    fop.dispose();
  });
  afterAll(() => {
    loaded.forEach((m) => m.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['h2 + mean-std + Platt SVM', 'models/h2-svm'],
    ['F + mean + random forest', 'models/f-forest'],
  ])('%s answers through ONNX Runtime with the probabilities tfjs gives, for a padded batch of two lengths', async (_, key) => {
    const { tfjs, onnx } = await loadBothRuntimes(artifacts, key);
    loaded.push(tfjs, onnx);
    expect(onnx).toMatchObject({ kind: 'fop-hypercolumn-classical', labels: CLASSES, featureKind: 'log-mel' });
    const inputs = [0.6, 1.4].map((seconds, i) => onnx.featurize(audio(seconds, i + 1)));
    const answer = onnx.predict(inputs);
    expect(answer).toBeInstanceOf(Promise); // the ONNX Runtime servable, not the tfjs one
    const [got, expected] = [await answer, await tfjs.predict(inputs)];
    expect(got).toHaveLength(2);
    expect(expected.flat().some((p) => p > 0 && p < 0.99)).toBe(true); // probabilities, not a one-hot answer
    got.forEach((row, i) => row.forEach((p, c) => expect(Math.abs(p - expected[i]![c]!)).toBeLessThanOrEqual(1e-4)));
  });
});
