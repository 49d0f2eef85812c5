import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { createClassicalClassifier } from '@ser/classical';
import { loadPlatformConfig } from '@ser/config';
import type { ModelRegistryServiceClient } from '@ser/contracts';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { openPlatform } from '@ser/runtime';
import { initTfjs } from '@ser/tfjs-backend';
import { CliError } from '../cli-error';
import { exportModelVersion, parseModelRef } from './model-export';
import { modelCommand } from './model';
import { connectModelRegistry } from './model-registry-connection';

describe('parseModelRef', () => {
  it('reads NAME, NAME:VERSION and NAME@ALIAS, and refuses anything else as a usage error', () => {
    expect(parseModelRef('fop-emotion', 'production')).toEqual({ name: 'fop-emotion', ref: 'production' });
    expect(parseModelRef('fop-emotion:3', 'production')).toEqual({ name: 'fop-emotion', ref: 3 });
    expect(parseModelRef('fop-emotion@staging', 'production')).toEqual({ name: 'fop-emotion', ref: 'staging' });
    for (const bad of ['fop:0', 'fop:x', 'fop@1a', 'fop@', ''])
      expect(() => parseModelRef(bad, 'production')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

// A generous timeout: the embedded store (PGlite) is opened twice, slow on a loaded machine (not a performance bound).
describe('ser model export --format onnx', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-export-'));
  const env = { SER_DATA_DIR: dir, SER_LOG_LEVEL: 'warn' };
  const artifacts = createLocalArtifactStore(join(dir, 'artifacts'));
  let registry: ModelRegistryServiceClient;
  let closeRegistry: () => Promise<void>;
  const saved = { ...process.env };

  beforeAll(async () => {
    await initTfjs();
    // The versions are seeded into the data folder's embedded store, then read back only through the model registry.
    const platform = await openPlatform(loadPlatformConfig({ env, overrides: ['--metricsPort=0'] }));
    const { store } = platform;
    const fop = createFop({ dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 }, 1);
    const classifier = createFopClassifier(fop, 3, 2);
    const lineage = { runId: 'run-1', datasetVersionId: 'dv-1', pretrainedCheckpointId: null };
    await writeKeptModel(artifacts, 'models/run-1', {
      kind: 'fop-classifier',
      classes: ['a', 'b', 'c'],
      fop: fop.config,
      weights: saveVariables(classifier.variables),
      bestEpoch: 1,
      lineage,
    });
    await store.models.createVersion({ modelName: 'emo', artifactKey: 'models/run-1' });
    await store.models.createVersion({ modelName: 'emo', artifactKey: 'models/run-1' });
    await store.models.setAlias('emo', 'production', 2);
    // The log-mel baseline's kind: log-mel means (here 12 made-up rows) into a Platt SVM; no FOP nodes in its graph.
    const svm = createClassicalClassifier({ kind: 'svm', kernel: 'rbf', probability: true });
    svm.fit(
      Array.from({ length: 12 }, (_, i) => Array.from({ length: 80 }, (_, j) => Math.sin(i * 3 + j) + (i % 3))),
      Array.from({ length: 12 }, (_, i) => i % 3),
    );
    await writeKeptModel(artifacts, 'models/run-2', {
      kind: 'fop-hypercolumn-classical',
      classes: ['a', 'b', 'c'],
      fop: { config: fop.config, weights: saveVariables(fop.variables) },
      representation: 'F',
      pooling: 'mean',
      classifier: svm.toJSON(),
      lineage,
    });
    svm.dispose();
    await store.models.createVersion({ modelName: 'baseline', artifactKey: 'models/run-2' });
    // A kept model of a kind with no export (a newer trainer's, unknown here).
    await artifacts.put('models/run-3/model.json', Buffer.from(JSON.stringify({ kind: 'mfcc-svm', classes: ['a', 'b'] })));
    await store.models.createVersion({ modelName: 'future', artifactKey: 'models/run-3' });
    await platform.close();
    // The CLI's embedded default: a registry in this process over the data folder's store.
    Object.assign(process.env, env);
    ({ registry, close: closeRegistry } = await connectModelRegistry({ remote: false }));
  }, 300_000);

  afterAll(async () => {
    await closeRegistry?.();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the version an alias or a number names as a model ONNX Runtime loads', async () => {
    const out = join(dir, 'emo.onnx');
    expect(await exportModelVersion(registry, parseModelRef('emo', 'production'), out)).toMatchObject({ name: 'emo', version: 2 });
    expect(await exportModelVersion(registry, parseModelRef('emo:1', 'production'), out)).toMatchObject({ name: 'emo', version: 1 });
    const session = await ort.InferenceSession.create(readFileSync(out));
    expect(session.inputNames).toEqual(['features', 'lengths']);
    const p = await session.run({
      features: new ort.Tensor('float32', new Float32Array(2 * 5 * 80).fill(0.5), [2, 5, 80]),
      lengths: new ort.Tensor('int64', BigInt64Array.from([5n, 3n]), [2]),
    });
    expect(p.probabilities!.dims).toEqual([2, 3]);
    await session.release();
    // The registry made both exports and kept them beside the kept model: the CLI read no artifact itself.
    expect(await artifacts.list('models/run-1/exports/')).toHaveLength(2);
  });

  it('exports a fop-hypercolumn-classical version (SVM on pooled log-mel frames) as probabilities ONNX Runtime gives', async () => {
    const out = join(dir, 'baseline.onnx');
    expect(await exportModelVersion(registry, parseModelRef('baseline:1', 'production'), out)).toMatchObject({ name: 'baseline', version: 1 });
    const session = await ort.InferenceSession.create(readFileSync(out));
    expect([session.inputNames, session.outputNames]).toEqual([['features', 'lengths'], ['probabilities']]);
    const { probabilities } = await session.run({
      features: new ort.Tensor(
        'float32',
        Float32Array.from({ length: 2 * 5 * 80 }, (_, i) => Math.sin(i)),
        [2, 5, 80],
      ),
      lengths: new ort.Tensor('int64', BigInt64Array.from([5n, 3n]), [2]),
    });
    expect(probabilities!.dims).toEqual([2, 3]);
    const rows = [0, 1].map((r) => Array.from((probabilities!.data as Float32Array).subarray(r * 3, r * 3 + 3)));
    rows.forEach((row) => expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 5));
    await session.release();
  });

  it('says which version does not exist', async () => {
    await expect(exportModelVersion(registry, parseModelRef('emo@staging', 'production'), join(dir, 'x.onnx'))).rejects.toThrow(
      new CliError('no model version emo@staging'),
    );
  });

  it('says which kind has no export, as the registry words it', async () => {
    const refused = exportModelVersion(registry, parseModelRef('future:1', 'production'), join(dir, 'future.onnx'));
    await expect(refused).rejects.toBeInstanceOf(CliError);
    await expect(refused).rejects.toThrow(/^future:1: model kind 'mfcc-svm' has no ONNX export yet \(exportable: /);
  });

  it('runs as `ser model export` on the embedded defaults, the registry in the process of the command', async () => {
    await closeRegistry(); // the embedded store admits one opener at a time
    closeRegistry = async () => {};
    const out = join(dir, 'cli.onnx');
    await modelCommand(['export', 'emo:1', '--format', 'onnx', '--out', out]);
    const session = await ort.InferenceSession.create(readFileSync(out));
    expect(session.outputNames).toContain('probabilities');
    await session.release();
  });
});
