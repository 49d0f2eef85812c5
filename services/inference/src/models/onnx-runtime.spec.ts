// SER_INFERENCE_RUNTIME=onnx serves a fop-classifier, a fop-hypercolumn-attention-lstm and a sequence-model (a fusion
// TACN) through ONNX Runtime with the probabilities tfjs serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { synthesizeTestSignal } from '@ser/audio';
import { writeKeptModel } from '@ser/model-artifacts';
import { exportKeptModelToOnnx, keptOnnxExportKey } from '@ser/onnx-export';
import {
  DEFAULT_CNN_CONFIG,
  createAttentionLstm,
  createFop,
  createFopClassifier,
  createSequenceNetwork,
  createVqvae,
  hypercolumnDim,
  saveVariables,
} from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { loadBothRuntimes } from '../testing/both-runtimes';
import type { ServableModel } from './model-kinds';
import { inferenceRuntime } from './onnx-runtime';
import './fop-classifier';
import './hypercolumn-model';
import './sequence-model';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];

describe('inferenceRuntime', () => {
  it('is tfjs unless SER_INFERENCE_RUNTIME says onnx, and refuses anything else', () => {
    expect(inferenceRuntime({})).toBe('tfjs');
    expect(inferenceRuntime({ SER_INFERENCE_RUNTIME: 'onnx' })).toBe('onnx');
    expect(() => inferenceRuntime({ SER_INFERENCE_RUNTIME: 'torch' })).toThrow(/must be one of tfjs, onnx/);
  });
});

describe('exportable kinds under SER_INFERENCE_RUNTIME=onnx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ser-onnx-serving-'));
  const artifacts = createLocalArtifactStore(dir);
  const loaded: ServableModel[] = [];

  /** A small fop-classifier kept at `key` (FOP seeded `seed`, its head `seed + 1`); returns the FOP. */
  async function keepFopClassifier(key: string, seed: number) {
    const fop = createFop({ dModel: 32, numHeads: 4, ffnUnits: 64, numLayers: 2 }, seed);
    const classifier = createFopClassifier(fop, CLASSES.length, seed + 1);
    const lineage = { runId: key.split('/').pop()!, datasetVersionId: 'dv', pretrainedCheckpointId: null };
    await writeKeptModel(artifacts, key, {
      kind: 'fop-classifier',
      fop: fop.config,
      classes: CLASSES,
      weights: saveVariables(classifier.variables),
      bestEpoch: 0,
      lineage,
    });
    return fop;
  }

  beforeAll(async () => {
    await initTfjs();
    const fop = await keepFopClassifier('models/r', 5);
    const lineage = { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null };
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
    // A fusion TACN over 32x129 segments (small widths), z-scored around the log-magnitudes' level.
    const vqvae = createVqvae({ hiddenChannels: 8, embeddingDim: 4, codebookSize: 16 }, 8);
    const network = createSequenceNetwork(
      {
        sequenceModel: 'tacn',
        cnn: { ...DEFAULT_CNN_CONFIG, representationUnits: 16 },
        fusion: { deepUnits: 16, latentUnits: vqvae.latentUnits, outputUnits: 8 },
        classifier: { inputUnits: 8, channels: 8, layers: 3, numHeads: 2, numClasses: CLASSES.length },
      },
      9,
    );
    const stats = (mean: number, std: number) => ({ mean: Array.from({ length: 129 }, () => mean), std: Array.from({ length: 129 }, () => std) });
    await writeKeptModel(artifacts, 'models/seq', {
      kind: 'sequence-model',
      classes: CLASSES,
      sequenceModel: 'tacn',
      features: 'fusion',
      segments: { frames: 32, bins: 129, hopSamples: 2120, maxSegments: 20 },
      standardizer: stats(-4, 2),
      network: network.config,
      weights: saveVariables(network.variables),
      vqvae: { config: vqvae.config, normalisation: stats(-3, 3), weights: saveVariables(vqvae.variables) },
      bestEpoch: 0,
      lineage: { runId: 'seq', datasetVersionId: 'dv', vqvaeCheckpointId: null },
    });
    network.dispose();
    vqvae.dispose();
  });
  afterAll(() => {
    loaded.forEach((m) => m.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['fop-classifier', 'models/r'],
    ['fop-hypercolumn-attention-lstm', 'models/lstm'],
    ['sequence-model', 'models/seq'],
  ])('%s answers through ONNX Runtime with the probabilities tfjs gives, for a padded batch of two lengths', async (kind, key) => {
    const { tfjs, onnx } = await loadBothRuntimes(artifacts, key);
    loaded.push(tfjs, onnx);
    expect(onnx).toMatchObject({ kind, labels: CLASSES, featureKind: tfjs.featureKind, frontEnd: tfjs.frontEnd });
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

  // The registry keeps a version's export beside its kept model on the first download; serving reads that file
  // instead of converting again. Seen here by keeping, beside one classifier, the export of another with other weights.
  it("serves the registry's kept export of a kept model when there is one", async () => {
    await keepFopClassifier('models/with-export', 21);
    await keepFopClassifier('models/other', 31);
    await artifacts.put(keptOnnxExportKey('models/with-export', 'v1'), Buffer.from(await exportKeptModelToOnnx(artifacts, 'models/other')));
    const withExport = await loadBothRuntimes(artifacts, 'models/with-export');
    const other = await loadBothRuntimes(artifacts, 'models/other');
    loaded.push(withExport.tfjs, withExport.onnx, other.tfjs, other.onnx);
    const inputs = [0.8, 1.2].map((seconds, i) => withExport.onnx.featurize(synthesizeTestSignal({ sampleRate: 16000, seconds, seed: i + 7 })));
    const [served, otherAnswer, ownAnswer] = [await withExport.onnx.predict(inputs), await other.tfjs.predict(inputs), await withExport.tfjs.predict(inputs)];
    served.forEach((row, i) => row.forEach((p, c) => expect(Math.abs(p - otherAnswer[i]![c]!)).toBeLessThanOrEqual(1e-4)));
    expect(Math.max(...served.flatMap((row, i) => row.map((p, c) => Math.abs(p - ownAnswer[i]![c]!))))).toBeGreaterThan(1e-3);
  });
});
