import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run__Output } from '@ser/contracts';
import { callUnary, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { startModelRegistryService } from '@ser/model-registry';
import type { RunningService } from '@ser/runtime';
import { startClassifierHarness, type ClassifierHarness } from './classifier-harness';

// A FOP small enough to fine-tune in seconds, with the paper's structure.
const TINY_FOP = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1, dropout: 0.1 };
const RUN = { method: 'fop-fine-tune', epochs: 1, batchSize: 8, cropFrames: 40, patience: 5, seed: 3, protocol: { kind: 'speaker-holdout' }, model: TINY_FOP };
const MODEL = 'outage-model';

// register-run-model.spec checks the retry schedule against a stand-in client. Here the registry is the real
// ModelRegistryService gRPC server, stopped while a run trains: the trainer's grpc-js client meets a closed port at
// the run's end, and must register the kept model once the server listens on the same address again, with the
// trainer's own retry policy (REGISTRY_RETRY) and no help from the spec.
describe('a classifier run ending while the model registry is down (real gRPC server)', () => {
  let h: ClassifierHarness;
  let restarted: RunningService | undefined;

  beforeAll(async () => {
    h = await startClassifierHarness('registry-outage');
  }, 300_000); // ingestion and TensorFlow.js start slowly on a loaded machine
  afterAll(async () => {
    await restarted?.stop();
    await h?.stop();
  });

  it('waits for the registry, registers the model once it is back, and only then reads SUCCEEDED', async () => {
    const port = Number(h.registry.address.split(':').pop());
    await h.registry.stop();
    const { run } = await callUnary(h.client, 'StartClassifierRun', {
      configJson: JSON.stringify(RUN),
      datasetVersionIds: [h.datasetVersionId],
      modelName: MODEL,
    });
    const runId = run!.id;

    const waiting: string[] = [];
    const statuses: string[] = [];
    let last: Run__Output | undefined;
    for await (const m of iterateStream(h.client.WatchClassifierRun({ runId }, deadlineIn(600_000)))) {
      if (m.run) {
        last = m.run;
        statuses.push(m.run.status);
      }
      const note = m.progress?.message ?? '';
      if (!note.includes('model registry unavailable')) continue;
      waiting.push(note);
      // Back on the address the trainer was given, as a restarted registry pod comes back behind its Service.
      restarted ??= await startModelRegistryService(h.platform, { port });
      expect(statuses).not.toContain('RUN_STATUS_SUCCEEDED'); // nothing reads succeeded before its model is registered
    }

    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(last!.status, last!.error).toBe('RUN_STATUS_SUCCEEDED');
    expect(last!.outputModel?.name).toBe(MODEL);
    expect(Number(last!.outputModel?.version)).toBe(1);
    // Registered once: the retries before the server came back never reached it.
    const versions = await h.platform.store.models.listVersions(MODEL);
    expect(versions.edges.map((e) => e.node.runId)).toEqual([runId]);
    const stored = await h.platform.store.runs.get(runId);
    expect(stored).toMatchObject({ status: 'succeeded', modelName: MODEL, error: null });
  }, 600_000);
});
