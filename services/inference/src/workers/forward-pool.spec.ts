// Forward passes in worker threads: the same probabilities as in the service's own thread, and a worker that dies
// fails only its own passes, retriably, and is replaced by one that has the model again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { synthesizeTestSignal } from '@ser/audio';
import { GrpcStatus } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { loadServableModel, type ServableModel } from '../models/model-kinds';
import '../models/fop-classifier';
import { defaultForwardWorkers, ForwardPool } from './forward-pool';
import { loadPooledModel } from './pooled-model';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const KEY = 'models/pooled';
const WORKER_START_MS = 120_000; // a worker compiles its TypeScript and starts TensorFlow; slow on a busy machine

describe('forward passes in a worker pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ser-forward-pool-'));
  const artifacts = createLocalArtifactStore(dir);
  const logger = createLogger('forward-pool-test', { level: 'silent' });
  let pool: ForwardPool;
  let inProcess: ServableModel;
  let pooled: ServableModel;
  // Clips of three lengths: each alone, and the three as one right-padded batch.
  const clips = [0.7, 1.3, 2.1].map((seconds, i) => synthesizeTestSignal({ sampleRate: 16000, seconds, seed: i + 1 }));

  beforeAll(async () => {
    const { kind } = await initTfjs();
    const fop = createFop({ dModel: 32, numHeads: 4, ffnUnits: 64, numLayers: 2 }, 3);
    const classifier = createFopClassifier(fop, CLASSES.length, 4);
    const lineage = { runId: 'r', datasetVersionId: 'dv', pretrainedCheckpointId: null };
    await writeKeptModel(artifacts, KEY, {
      kind: 'fop-classifier',
      fop: fop.config,
      classes: CLASSES,
      weights: saveVariables(classifier.variables),
      bestEpoch: 0,
      lineage,
    });
    classifier.dispose();
    fop.dispose();
    pool = new ForwardPool({ size: 1, backend: kind, logger });
    await pool.ready();
    inProcess = await loadServableModel(artifacts, KEY);
    pooled = await loadPooledModel(pool, artifacts, KEY);
  }, WORKER_START_MS);

  afterAll(async () => {
    pooled?.dispose();
    inProcess?.dispose();
    await pool?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the probabilities the in-process model gives, clip by clip and as one padded batch', async () => {
    expect(pooled).toMatchObject({ kind: 'fop-classifier', labels: CLASSES, featureKind: 'log-mel' });
    const inputs = clips.map((c) => pooled.featurize(c));
    expect(inputs.map((x) => Array.from(x))).toEqual(clips.map((c) => Array.from(inProcess.featurize(c))));
    for (const x of inputs) expect(await pooled.predict([x])).toEqual(await inProcess.predict([x]));
    const batch = await pooled.predict(inputs);
    expect(batch).toHaveLength(3);
    expect(batch).toEqual(await inProcess.predict(inputs));
  });

  it(
    'fails the passes of a worker that dies with UNAVAILABLE, then serves them from a fresh worker',
    async () => {
      const inputs = clips.map((c) => pooled.featurize(c));
      const expected = await inProcess.predict(inputs);
      const caught = expect(pooled.predict(inputs)).rejects.toMatchObject({
        code: GrpcStatus.UNAVAILABLE,
        message: expect.stringMatching(/forward-pass worker 0 stopped.*retry/),
      });
      await pool.restartWorker(0); // terminated mid-request, as a crash would
      await caught;
      expect(await pooled.predict(inputs)).toEqual(expected); // the replacement reloaded the model
    },
    WORKER_START_MS,
  );

  it(
    'says UNAVAILABLE, not a hang, when no worker is running',
    async () => {
      const dead = new ForwardPool({ size: 1, backend: 'cpu', logger, workerModule: new URL('./missing-worker.ts', import.meta.url) });
      await expect(dead.ready()).rejects.toThrow(/forward-pass worker 0 stopped/);
      await expect(dead.predict('any', [])).rejects.toMatchObject({ code: GrpcStatus.UNAVAILABLE });
      await dead.close();
    },
    WORKER_START_MS,
  );

  it('defaults to one thread per 4 cores, at least 1 and at most 4', () => {
    expect([1, 2, 4, 8, 16, 64].map((cores) => defaultForwardWorkers(cores))).toEqual([1, 1, 1, 2, 4, 4]);
  });
});
