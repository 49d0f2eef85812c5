import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { createClassicalClassifier, loadClassicalClassifier, type ClassicalClassifierConfig } from '@ser/classical';
import { readKeptModel, writeKeptModel, type KeptModelOfKind } from '@ser/model-artifacts';
import { batchHypercolumns, hypercolumnDim, poolFrames, saveVariables, type FopModel, type FramePooling, type HypercolumnRepresentation } from '@ser/models';
import { exportKeptModelToOnnx } from './export-onnx';
import { FOP_ONNX_IO } from './fop-classifier-onnx';
import { float32Threshold } from './forest-onnx';
import { ModelProto } from './onnx-proto';
import { maxAbsDiff, onnxProbabilities } from './testing/padded-batch';
import { logMelClip, useSeededFop } from './testing/seeded-fop';

const CLASSES = ['angry', 'happy', 'neutral', 'sad', 'calm'];
const nMels = 80;
const LOG_MEL = { step: [nMels], classes: CLASSES.length };
// Training rows: 24 generated clips of 0.4-1.1 s, labels 0-3 in turn (class 4, 'calm', is never seen: its column stays 0).
const training = Array.from({ length: 24 }, (_, i) => ({ x: logMelClip(0.4 + (i % 8) * 0.1, 100 + i), label: i % 4 }));
// Three clips the classifiers never saw, of about 60, 130 and 200 frames: batched, they are right-padded.
const clips = [0.6, 1.3, 2.0].map((seconds, i) => logMelClip(seconds, 7 + i));

type Model = KeptModelOfKind<'fop-hypercolumn-classical'>;

/** What the inference service computes (services/inference hypercolumn-model.ts): hypercolumns, poolFrames, the classifier's probabilities by class. */
function platformProbabilities(fop: FopModel, model: Model, inputs: Float32Array[]): number[][] {
  const dim = hypercolumnDim(fop.config, model.representation);
  const pooled = batchHypercolumns(
    fop,
    inputs,
    inputs.map((x) => x.length / nMels),
    model.representation,
  ).map((s) => poolFrames(s, dim, model.pooling));
  const classifier = loadClassicalClassifier(model.classifier);
  try {
    const probabilities = classifier.predictProbability(pooled);
    if (!probabilities) return classifier.predict(pooled).map((predicted) => CLASSES.map((_, c) => (c === predicted ? 1 : 0)));
    const column = new Map(classifier.labels().map((label, j) => [label, j]));
    return probabilities.map((row) => CLASSES.map((_, c) => (column.has(c) ? row[column.get(c)!]! : 0)));
  } finally {
    classifier.dispose();
  }
}

describe('ONNX export of a fop-hypercolumn-classical model (hypercolumns, pooling, SVM / random forest)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onnx-hypercolumn-'));
  const artifacts = createLocalArtifactStore(dir);
  const seeded = useSeededFop({ dModel: 32, numHeads: 4, ffnUnits: 64, numLayers: 2 }, 3);
  const sessions: ort.InferenceSession[] = [];
  const diffs: string[] = []; // each batch's max |diff|, printed once for the record

  afterAll(async () => {
    console.info(`ONNX Runtime vs platform, max |diff| of each right-padded batch: ${diffs.join(', ')}`);
    await Promise.all(sessions.map((s) => s.release()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Trains the classifier on the training clips' pooled hypercolumns, keeps the model, exports it and opens the export. */
  async function keptAndExported(
    representation: HypercolumnRepresentation,
    pooling: FramePooling,
    config: ClassicalClassifierConfig,
    labelOf = (l: number) => l,
  ) {
    const fop = seeded.fop;
    const dim = hypercolumnDim(fop.config, representation);
    const rows = batchHypercolumns(
      fop,
      training.map((t) => t.x),
      training.map((t) => t.x.length / nMels),
      representation,
    ).map((s) => Array.from(poolFrames(s, dim, pooling)));
    const classifier = createClassicalClassifier(config);
    classifier.fit(
      rows,
      training.map((t) => labelOf(t.label)),
    );
    const prefix = `models/${representation}-${pooling}-${config.kind}-${sessions.length}`;
    await writeKeptModel(artifacts, prefix, {
      kind: 'fop-hypercolumn-classical',
      classes: CLASSES,
      fop: { config: fop.config, weights: saveVariables(fop.variables) },
      representation,
      pooling,
      classifier: classifier.toJSON(),
      lineage: { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null },
    });
    classifier.dispose();
    const model = (await readKeptModel(artifacts, prefix)) as Model;
    const onnx = await exportKeptModelToOnnx(artifacts, prefix);
    const session = await ort.InferenceSession.create(onnx, { executionProviders: ['cpu'] });
    sessions.push(session);
    return { model, onnx, session };
  }

  /** ONNX Runtime vs the platform: each clip alone, then the three as one right-padded batch; returns the batch's max |diff|. */
  async function expectParity(model: Model, session: ort.InferenceSession): Promise<number> {
    for (const x of clips)
      expect(maxAbsDiff(await onnxProbabilities(session, [x], LOG_MEL), platformProbabilities(seeded.fop, model, [x]))).toBeLessThanOrEqual(1e-4);
    const expected = platformProbabilities(seeded.fop, model, clips);
    const diff = maxAbsDiff(await onnxProbabilities(session, clips, LOG_MEL), expected);
    expect(diff).toBeLessThanOrEqual(1e-4);
    diffs.push(`${model.representation}/${model.pooling}/${model.classifier.kind} ${diff.toExponential(2)}`);
    return diff;
  }

  it('log-mel baseline (representation F, no FOP nodes), mean-std pooling, RBF SVM with Platt probabilities', async () => {
    const { model, session } = await keptAndExported('F', 'mean-std', { kind: 'svm', kernel: 'rbf', C: 4, probability: true });
    const expected = platformProbabilities(seeded.fop, model, clips);
    expect(expected.every((row) => row[4] === 0 && Math.max(...row) < 0.99 && Math.max(...row) > 0.3)).toBe(true); // neither uniform nor one-hot
    await expectParity(model, session);
  });

  it('h2 hypercolumns, mean-std pooling, RBF SVM with Platt probabilities (the production recipe)', async () => {
    const { model, session } = await keptAndExported('h2', 'mean-std', { kind: 'svm', kernel: 'rbf', C: 4, probability: true });
    await expectParity(model, session);
  });

  it('h2 hypercolumns, mean pooling, random forest; and F, mean-std, random forest', async () => {
    for (const representation of ['h2', 'F'] as const) {
      const { model, session } = await keptAndExported(representation, representation === 'h2' ? 'mean' : 'mean-std', {
        kind: 'random-forest',
        nEstimators: 25,
        seed: 5,
      });
      const expected = platformProbabilities(seeded.fop, model, clips);
      expect(expected.some((row) => row.filter((p) => p > 0).length >= 2)).toBe(true); // soft votes, not one tree's answer
      await expectParity(model, session);
    }
  });

  it('add and concat hypercolumns: a two-class Platt SVM and a linear SVM without probabilities (its vote at probability 1)', async () => {
    const twoClass = await keptAndExported('add', 'mean', { kind: 'svm', kernel: 'rbf', probability: true }, (l) => l % 2);
    await expectParity(twoClass.model, twoClass.session);
    const vote = await keptAndExported('concat', 'mean-std', { kind: 'svm', kernel: 'linear', probability: false });
    const expected = platformProbabilities(seeded.fop, vote.model, clips);
    expect(expected.every((row) => row.filter((p) => p === 1).length === 1)).toBe(true);
    await expectParity(vote.model, vote.session);
  });

  it('is an opset 17 model that imports ai.onnx.ml only for the forest, with the kind and front end in its metadata', async () => {
    const opsets = (bytes: Uint8Array) =>
      (ModelProto.toObject(ModelProto.decode(bytes), { longs: Number }) as { opsetImport: Array<{ domain?: string; version: number }> }).opsetImport.map(
        ({ domain, version }) => ({ domain: domain ?? '', version }),
      );
    const forest = await keptAndExported('F', 'mean', { kind: 'random-forest', nEstimators: 3 });
    expect(opsets(forest.onnx)).toEqual([
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ]);
    const svm = await keptAndExported('h1', 'mean', { kind: 'svm', kernel: 'linear', probability: true });
    expect(opsets(svm.onnx)).toEqual([{ domain: '', version: 17 }]);
    const meta = Object.fromEntries(
      (ModelProto.decode(svm.onnx) as unknown as { metadataProps: Array<{ key: string; value: string }> }).metadataProps.map((p) => [p.key, p.value]),
    );
    expect(meta['ser.kind']).toBe('fop-hypercolumn-classical');
    expect(JSON.parse(meta['ser.front_end']!)).toMatchObject({ features: 'log-mel', mel: { nMels: 80 } });
    expect(svm.session.outputNames).toEqual([FOP_ONNX_IO.probabilities]);
  });
});

describe('float32Threshold', () => {
  it('keeps x < t for every float32 x when the double threshold t has no float32', () => {
    const f = (v: number) => Math.fround(v);
    for (const t of [0.1, -0.1, 1 / 3, -1e-40, 123456.789, Math.fround(0.5)]) {
      const t32 = float32Threshold(t);
      expect(Math.fround(t32)).toBe(t32);
      const below = f(t) < t ? f(t) : null; // the float32 just under t, if rounding went down
      if (below !== null) expect(below < t32).toBe(true);
      expect(t32 < t).toBe(false);
      expect(f(t32) >= t).toBe(true);
    }
  });
});
