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
import { GrpcStatus } from '@ser/grpc-kit';
import { registerRunModel } from './register-run-model';
import { REGISTRY_RETRY, retryDelayMs, withRegistryRetry } from './registry-retry';

/**
 * A registry that records what it is asked to register and answers with version 1; while `down` is above zero it
 * answers each call with `failure` (default UNAVAILABLE, as grpc-js does while nothing listens) and counts down.
 */
function recordingRegistry(
  down = 0,
  failure: { code: number; message: string } = { code: GrpcStatus.UNAVAILABLE, message: '14 UNAVAILABLE: No connection established' },
) {
  const requests: RegisterModelVersionRequest[] = [];
  let calls = 0;
  const registry = {
    RegisterModelVersion(req: RegisterModelVersionRequest, _meta: unknown, _opts: unknown, done: (err: Error | null, res?: unknown) => void) {
      calls++;
      if (down-- > 0) return done(Object.assign(new Error(failure.message), { code: failure.code }));
      requests.push(req);
      done(null, { created: true, modelVersion: { id: 'v1', name: req.modelName, version: '1', artifactKey: req.artifactKey } });
    },
  };
  return { registry: registry as unknown as ModelRegistryServiceClient, requests, calls: () => calls };
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
    const run = await store.runs.create({
      kind: 'classifier',
      config: { epochs: 1 },
      modelName: 'named-model',
      lineage: { datasetVersionIds: ['dv'], modelArtifactKey: 'models/kept' },
    });
    const { registry, requests } = recordingRegistry();
    expect(await registerRunModel({ store, artifacts, registry }, run.id, { ua: 0.5 })).toEqual({
      id: 'v1',
      modelName: 'named-model',
      version: 1,
      artifactKey: 'models/kept',
    });
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

  describe('while the registry is down', () => {
    const named = () =>
      store.runs.create({
        kind: 'classifier',
        config: { epochs: 1 },
        modelName: 'named-model',
        lineage: { datasetVersionIds: ['dv'], modelArtifactKey: 'models/kept' },
      });
    // Waits are recorded, not slept: what is checked is the backoff schedule, not the clock.
    const recordWaits = () => {
      const waits: number[] = [];
      return { waits, sleep: async (ms: number) => void waits.push(ms) };
    };

    it('registers the version once a registry that was down for three attempts comes back, backing off in between', async () => {
      const run = await named();
      const { registry, requests, calls } = recordingRegistry(3);
      const { waits, sleep } = recordWaits();
      const retried: number[] = [];
      const version = await withRegistryRetry('spec', () => registerRunModel({ store, artifacts, registry }, run.id, { ua: 0.5 }), REGISTRY_RETRY, {
        sleep,
        onRetry: (attempt) => void retried.push(attempt),
      });
      expect(version).toEqual({ id: 'v1', modelName: 'named-model', version: 1, artifactKey: 'models/kept' });
      expect(calls()).toBe(4);
      expect(requests).toHaveLength(1);
      expect(retried).toEqual([1, 2, 3]);
      expect(waits).toEqual([500, 1000, 2000]);
    });

    it("gives up after the policy's attempts with an error naming the run and the last failure, the waits capped", async () => {
      const run = await named();
      const { registry, requests, calls } = recordingRegistry(Infinity);
      const { waits, sleep } = recordWaits();
      const register = () => registerRunModel({ store, artifacts, registry }, run.id, {});
      await expect(withRegistryRetry(`registering run ${run.id}'s kept model`, register, REGISTRY_RETRY, { sleep })).rejects.toThrow(
        new RegExp(`registering run ${run.id}'s kept model: the model registry was unreachable after 8 attempts \\(last: 14 UNAVAILABLE`),
      );
      expect(calls()).toBe(REGISTRY_RETRY.attempts);
      expect(requests).toEqual([]);
      expect(waits).toEqual([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(REGISTRY_RETRY, attempt)));
      expect(Math.max(...waits)).toBe(REGISTRY_RETRY.maxDelayMs);
    });

    it('does not retry a refusal: a registry that answers INVALID_ARGUMENT is asked once', async () => {
      const run = await named();
      const { registry, calls } = recordingRegistry(1, { code: GrpcStatus.INVALID_ARGUMENT, message: '3 INVALID_ARGUMENT: lineage_json is not a JSON object' });
      const { waits, sleep } = recordWaits();
      await expect(withRegistryRetry('spec', () => registerRunModel({ store, artifacts, registry }, run.id, {}), REGISTRY_RETRY, { sleep })).rejects.toThrow(
        /INVALID_ARGUMENT/,
      );
      expect(calls()).toBe(1);
      expect(waits).toEqual([]);
    });
  });
});
