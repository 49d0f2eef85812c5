import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { initTfjs } from '@ser/tfjs-backend';
import { CliError } from '../cli-error';
import { exportModelVersion, parseModelRef } from './model-export';

describe('parseModelRef', () => {
  it('reads NAME, NAME:VERSION and NAME@ALIAS, and refuses anything else as a usage error', () => {
    expect(parseModelRef('fop-emotion', 'production')).toEqual({ name: 'fop-emotion', ref: 'production' });
    expect(parseModelRef('fop-emotion:3', 'production')).toEqual({ name: 'fop-emotion', ref: 3 });
    expect(parseModelRef('fop-emotion@staging', 'production')).toEqual({ name: 'fop-emotion', ref: 'staging' });
    for (const bad of ['fop:0', 'fop:x', 'fop@1a', 'fop@', '']) expect(() => parseModelRef(bad, 'production')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('ser model export --format onnx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-export-'));
  const artifacts = createLocalArtifactStore(join(dir, 'artifacts'));
  let store: MetadataStore;

  beforeAll(async () => {
    await initTfjs();
    store = await openMetadataStore({ kind: 'pglite' });
    const fop = createFop({ dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 }, 1);
    const classifier = createFopClassifier(fop, 3, 2);
    const lineage = { runId: 'run-1', datasetVersionId: 'dv-1', pretrainedCheckpointId: null };
    await writeKeptModel(artifacts, 'models/run-1', { kind: 'fop-classifier', classes: ['a', 'b', 'c'], fop: fop.config, weights: saveVariables(classifier.variables), bestEpoch: 1, lineage });
    await store.models.createVersion({ modelName: 'emo', artifactKey: 'models/run-1' });
    await store.models.createVersion({ modelName: 'emo', artifactKey: 'models/run-1' });
    await store.models.setAlias('emo', 'production', 2);
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the version an alias or a number names as a model ONNX Runtime loads', async () => {
    const out = join(dir, 'emo.onnx');
    expect(await exportModelVersion(store, artifacts, parseModelRef('emo', 'production'), out)).toMatchObject({ name: 'emo', version: 2 });
    expect(await exportModelVersion(store, artifacts, parseModelRef('emo:1', 'production'), out)).toMatchObject({ name: 'emo', version: 1 });
    const session = await ort.InferenceSession.create(readFileSync(out));
    expect(session.inputNames).toEqual(['features', 'lengths']);
    const p = await session.run({ features: new ort.Tensor('float32', new Float32Array(2 * 5 * 80).fill(0.5), [2, 5, 80]), lengths: new ort.Tensor('int64', BigInt64Array.from([5n, 3n]), [2]) });
    expect(p.probabilities!.dims).toEqual([2, 3]);
    await session.release();
  });

  it('says which version does not exist', async () => {
    await expect(exportModelVersion(store, artifacts, parseModelRef('emo@staging', 'production'), join(dir, 'x.onnx'))).rejects.toThrow(new CliError('no model version emo@staging'));
  });
});
