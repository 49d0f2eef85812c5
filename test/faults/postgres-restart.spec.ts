import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { openMetadataStore } from '@ser/store';
import { startPostgres } from '../infra';
import { wavClip, registerRandomModel } from '../inference/model-fixtures';
import { freePort } from '../infra/process';
import { probeServices, type ProbeResults, type ProbeTargets } from './service-probes';
import { logTails, platformEnv, reportFaults, requireEnv, startService, type ServiceKind, type ServiceProcess } from './service-process';

type RunningPostgres = Awaited<ReturnType<typeof startPostgres>>;
const MODEL = 'fault-emotion';
const GRPC_SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry'] as const;
const ENV_NAME = {
  features: 'FEATURES',
  fopPretrainer: 'FOP_PRETRAINER',
  vqvaePretrainer: 'VQVAE_PRETRAINER',
  classifierTrainer: 'CLASSIFIER_TRAINER',
  inference: 'INFERENCE',
  modelRegistry: 'MODEL_REGISTRY',
};

// A PostgreSQL server of its own (the suite's shared one must stay up), restarted on the same port and data directory
// under every service running as its own process: each must answer a real call again afterwards, without a restart.
describe('fault: PostgreSQL restarted under every service', () => {
  const suffix = randomUUID().slice(0, 8);
  let pgDir: string;
  let pgPort: number;
  let postgres: RunningPostgres | undefined;
  let dataDir: string;
  let targets: ProbeTargets;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    pgDir = mkdtempSync(join(tmpdir(), 'ser-fault-pg-'));
    pgPort = await freePort();
    postgres = await startPostgres({ dataDir: pgDir, port: pgPort });
    dataDir = mkdtempSync(join(tmpdir(), 'ser-fault-pg-data-'));
    const schema = `fault_pg_${suffix}`;
    const store = await openMetadataStore({ kind: 'postgres', url: postgres.url, schema });
    try {
      await store.models.setAlias(MODEL, 'production', await registerRandomModel(store, createLocalArtifactStore(join(dataDir, 'artifacts')), MODEL, 5));
    } finally {
      await store.close();
    }
    const env: Record<string, string> = {
      ...platformEnv({ brokers: requireEnv('SER_TEST_KAFKA_BROKERS'), databaseUrl: postgres.url, schema, topicPrefix: `pg${suffix}.`, dataDir }),
      SER_INFERENCE_DEFAULT_MODEL: MODEL,
    };
    const addresses = {} as ProbeTargets['addresses'];
    for (const s of GRPC_SERVICES) {
      const port = await freePort();
      env[`SER_${ENV_NAME[s]}_PORT`] = String(port);
      env[`SER_${ENV_NAME[s]}_ADDRESS`] = addresses[s] = `127.0.0.1:${port}`;
    }
    const gatewayPort = await freePort();
    env.SER_GATEWAY_PORT = String(gatewayPort);
    targets = { addresses, gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, clip: wavClip(1) };
    // The registry first: inference reads its models through it, as in the chart.
    services.push(await startService('modelRegistry', env));
    const others: ServiceKind[] = [...GRPC_SERVICES.filter((s) => s !== 'modelRegistry'), 'gateway'];
    services.push(...(await Promise.all(others.map((kind) => startService(kind, env)))));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
  }, 120_000);

  it('every service answers a real call after the restart, and none exited', async ({ onTestFailed }) => {
    onTestFailed(() => console.error(logTails(services)));
    // Warm first: on two busy cores the gateway's 2 s health probes can time out while services are still loading.
    await expect.poll(() => probeServices(targets), { timeout: 120_000, interval: 1000 }).toEqual(allOk());

    await postgres!.stop();
    postgres = undefined;
    const during = await probeServices(targets); // fails cleanly (no crash) while the database is down
    postgres = await startPostgres({ dataDir: pgDir, port: pgPort });
    const firstAfter = await probeServices(targets);
    // A call that still fails is retried for a while (a busy machine), but the service must come back by itself.
    let after = firstAfter;
    for (const until = Date.now() + 60_000; Object.values(after).some((r) => r !== 'ok') && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 1000));
      after = await probeServices(targets);
    }

    const failedAfter = Object.values(after).filter((r) => r !== 'ok').length;
    const exited = services.filter((s) => !s.alive()).map((s) => s.kind);
    const report = reportFaults('postgres-restart', {
      inputs: services.length,
      faults: 1,
      lost: failedAfter + exited.length,
      failedWhileDown: Object.values(during).filter((r) => r !== 'ok').length,
      failedOnFirstCallAfter: Object.values(firstAfter).filter((r) => r !== 'ok').length,
      exited: exited.length,
    });
    expect(after).toEqual(allOk());
    expect(exited).toEqual([]);
    expect(report.lost).toBe(0);
  }, 300_000);
});

function allOk(): ProbeResults {
  return { features: 'ok', fopPretrainer: 'ok', vqvaePretrainer: 'ok', classifierTrainer: 'ok', inference: 'ok', modelRegistry: 'ok', gateway: 'ok' };
}
