import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import type { ModelRegistryServiceClient, RegisterModelVersionRequest } from '@ser/contracts';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { initTfjs } from '@ser/tfjs-backend';
import { registerRunModel } from './register-run-model';

/** A registry that records what it is asked to register and answers with version 1. */
function recordingRegistry(): { registry: ModelRegistryServiceClient; requests: RegisterModelVersionRequest[] } {
  const requests: RegisterModelVersionRequest[] = [];
  const registry = {
    RegisterModelVersion(req: RegisterModelVersionRequest, _meta: unknown, _opts: unknown, done: (err: Error | null, res?: unknown) => void) {
      requests.push(req);
      done(null, { created: true, modelVersion: { id: 'v1', name: req.modelName, version: '1', artifactKey: req.artifactKey } });
    },
  };
  return { registry: registry as unknown as ModelRegistryServiceClient, requests };
}

// A generous timeout: PGlite and TensorFlow.js start slowly on a loaded machine (not a performance bound).
describe("registering a run's kept model", { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ser-register-run-'));
  const artifacts = createLocalArtifactStore(dir);
  let store: MetadataStore;

  beforeAll(async () => {
    await initTfjs();
    store = await openMetadataStore({ kind: 'pglite' });
    const fop = createFop({ dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 }, 1);
    const classifier = createFopClassifier(fop, 2, 2);
    await writeKeptModel(artifacts, 'models/kept', {
      kind: 'fop-classifier',
      classes: ['happy', 'sad'],
      fop: fop.config,
      weights: saveVariables(classifier.variables),
      bestEpoch: 1,
      lineage: { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null },
    });
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("registers under the run's model name, through the registry", async () => {
    const run = await store.runs.create({ kind: 'classifier', config: { epochs: 1 }, lineage: { datasetVersionIds: ['dv'], modelName: 'named-model', modelArtifactKey: 'models/kept' } });
    const { registry, requests } = recordingRegistry();
    expect(await registerRunModel({ store, artifacts, registry }, run.id, { ua: 0.5 })).toEqual({ id: 'v1', modelName: 'named-model', version: 1, artifactKey: 'models/kept' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ modelName: 'named-model', runId: run.id, artifactKey: 'models/kept', metrics: { ua: 0.5 } });
    expect(JSON.parse(requests[0]!.lineageJson!)).toMatchObject({ datasetVersionIds: ['dv'], runId: run.id, kind: 'fop-classifier', labels: ['happy', 'sad'] });
  });

  it('refuses a run that carries no model name instead of registering it under a default', async () => {
    const run = await store.runs.create({ kind: 'classifier', config: { epochs: 1 }, lineage: { datasetVersionIds: ['dv'], modelArtifactKey: 'models/kept' } });
    const { registry, requests } = recordingRegistry();
    await expect(registerRunModel({ store, artifacts, registry }, run.id, {})).rejects.toThrow(new RegExp(`run ${run.id} has no model name`));
    expect(requests).toEqual([]);
  });
});
