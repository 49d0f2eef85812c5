import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAll, type RunningSystem } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { parseGlobalId, toGlobalId } from '@ser/gateway';
import { openPlatform, type Platform } from '@ser/runtime';
import { gql } from './client';

// Mutations against the real trainers: the whole platform in one process, every port free. The gateway queues runs
// in the store and the embedded trainer's poll takes them; cancel still goes to the trainer over gRPC.
const FREE_PORTS = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'].map((n) => `--ports.${n}=0`);

describe('gateway mutations against the embedded system', () => {
  let dataDir: string;
  let platform: Platform;
  let system: RunningSystem;
  let operator: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-gw-system-'));
    platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_METRICS_PORT: '0' }, overrides: FREE_PORTS }));
    system = await startAll(platform);
    operator = (await platform.store.apiTokens.create({ name: 'op', role: 'operator' })).token;
  });
  afterAll(async () => {
    for (const s of [...(system?.stoppables ?? [])].reverse()) await s.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("queues an FOP pre-training run the embedded trainer takes, and passes the trainer's refusal to cancel a finished one", async () => {
    const { version } = await platform.store.datasets.registerVersion({
      datasetName: 'empty',
      version: 'v1',
      format: 'manifest',
      sourceUri: dataDir,
      utteranceCount: 0,
    });
    const started = await gql<{ startPretrainRun: { id: string; kind: string; status: string; lineage: { datasetVersions: Array<{ id: string }> } } }>(
      system.gatewayUrl,
      `mutation($v: [ID!]!) { startPretrainRun(input: { kind: FOP, datasetVersionIds: $v, displayName: "gw" }) { id kind status lineage { datasetVersions { id } } } }`,
      { v: [version.id] },
      operator,
    );
    expect(started.errors).toBeUndefined();
    const run = started.data!.startPretrainRun;
    expect(run.kind).toBe('FOP_PRETRAIN');
    expect(run.lineage.datasetVersions).toEqual([{ id: toGlobalId('DatasetVersion', version.id) }]);
    const runId = parseGlobalId(run.id)!.id;
    expect((await platform.store.runs.get(runId))?.kind).toBe('fop-pretrain');

    // The dataset has no utterances, so the trainer fails the run; cancelling a finished run is refused by the trainer.
    await expect.poll(async () => (await platform.store.runs.get(runId))?.status, { timeout: 30_000 }).toBe('failed');
    const cancelled = await gql(system.gatewayUrl, `mutation($id: ID!) { cancelRun(id: $id, reason: "test") { id } }`, { id: run.id }, operator);
    expect(cancelled.errors?.[0]).toMatchObject({ message: `run ${runId} already failed`, extensions: { code: 'FAILED_PRECONDITION' } });
  });

  it('refuses an unknown dataset version with extensions.code NOT_FOUND, as the trainer would', async () => {
    const res = await gql(system.gatewayUrl, `mutation { startPretrainRun(input: { kind: FOP, datasetVersionIds: ["missing"] }) { id } }`, {}, operator);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toMatch(/dataset version 'missing' not found/);
  });
});
