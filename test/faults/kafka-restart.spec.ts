import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaEventBus, TOPICS } from '@ser/events';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { startKafka } from '../infra';
import { freePort } from '../infra/process';
import { countRegistered, planProgress, readyAnnouncements, writeSmallDemoCorpus } from './ingestion-faults';
import { logTails, platformEnv, reportFaults, requireEnv, startService, type ServiceProcess } from './service-process';

type RunningKafka = Awaited<ReturnType<typeof startKafka>>;
const CORPUS = 'demo-kafka-restart';

// A broker of its own (the suite's shared one must not go down), on a fixed port and data directory so the restarted
// broker is the same cluster at the same address. The features service (its own process) is frozen part-way through
// a corpus's shards, the broker is stopped, the service resumes without it, and the broker comes back: every
// utterance must be registered exactly once, in one version, announced once, and the service must still be up.
describe('fault: Kafka stopped and restarted during a corpus ingestion', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `fault_kr_${suffix}`;
  const topicPrefix = `kr${suffix}.`;
  const databaseUrl = requireEnv('SER_TEST_DATABASE_URL');
  let kafkaDir: string;
  let kafkaPort: number;
  let kafka: RunningKafka | undefined;
  let dataDir: string;
  let store: MetadataStore;
  let db: pg.Pool;
  let features: ServiceProcess | undefined;
  let paths: string[];

  beforeAll(async () => {
    kafkaDir = mkdtempSync(join(tmpdir(), 'ser-fault-kafka-'));
    kafkaPort = await freePort();
    kafka = await startKafka({ dataDir: kafkaDir, port: kafkaPort, heapMb: 512 });
    dataDir = mkdtempSync(join(tmpdir(), 'ser-fault-kafka-data-'));
    paths = await writeSmallDemoCorpus(join(dataDir, 'corpora', CORPUS));
    store = await openMetadataStore({ kind: 'postgres', url: databaseUrl, schema });
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const env = { ...platformEnv({ brokers: kafka.brokers, databaseUrl, schema, topicPrefix, dataDir }), SER_FEATURES_PORT: '0' };
    features = await startService('features', env, ['--features.shardSize=2']);
  }, 420_000);

  afterAll(async () => {
    await features?.stop();
    await kafka?.stop();
    await db?.end();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(kafkaDir, { recursive: true, force: true });
  }, 120_000);

  it('registers every utterance exactly once across the broker restart', async ({ onTestFailed }) => {
    onTestFailed(() => console.error(logTails(features ? [features] : [])));
    const brokers = kafka!.brokers;
    const engineer = await KafkaEventBus.fromConfig({
      brokers: [brokers],
      clientId: 'data-engineer',
      topicPrefix,
      logger: createLogger('test', { level: 'warn' }),
    });
    await engineer.publish(TOPICS.corpusPublished, { corpusName: CORPUS, format: 'manifest', uri: join(dataDir, 'corpora', CORPUS) }, { key: CORPUS });
    await engineer.close();

    // Mid-ingestion for certain: freeze the service once some shards are done and others are not.
    const atFault = await freezeMidIngestion(features!, db, schema);
    const down = Date.now();
    await kafka!.stop();
    kafka = undefined;
    features!.child.kill('SIGCONT'); // computes on without a broker: commits and the announcement wait for it
    await new Promise((r) => setTimeout(r, 2000));
    kafka = await startKafka({ dataDir: kafkaDir, port: kafkaPort, heapMb: 512 });
    const outageSeconds = Math.round((Date.now() - down) / 1000);

    await expect.poll(async () => (await planProgress(db, schema, CORPUS))?.status, { timeout: 240_000, interval: 500 }).toBe('completed');
    const counts = await countRegistered(databaseUrl, schema, CORPUS, paths);
    const report = reportFaults('kafka-restart', {
      inputs: paths.length,
      faults: 1,
      lost: counts.lost,
      duplicated: counts.duplicated,
      shardsDoneBeforeFault: atFault.itemsDone,
      shards: atFault.itemCount,
      outageSeconds,
      versions: counts.versions,
      readyEvents: await readyAnnouncements(kafka.brokers, topicPrefix, CORPUS),
    });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, versions: 1, readyEvents: 1 });
    expect(features!.alive()).toBe(true);
  }, 420_000);
});

/** SIGSTOPs the service once at least one shard is done, and returns the progress seen while it is frozen. */
async function freezeMidIngestion(service: ServiceProcess, db: pg.Pool, schema: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const seen = await planProgress(db, schema, CORPUS);
    if (seen && seen.itemsDone >= 1) {
      service.child.kill('SIGSTOP');
      const frozen = (await planProgress(db, schema, CORPUS))!;
      if (frozen.itemsDone < frozen.itemCount) return frozen;
      throw new Error(`the ingestion finished (${frozen.itemsDone} shards) before the fault could be injected`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no shard was done within 120 s');
}
