import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { KafkaEventBus, TOPICS, type Envelope } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { createLogger } from '@ser/logging';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { openMetadataStore } from '@ser/store';
import { addBadFiles, writeUrduLikeCorpus } from './urdu-like-corpus';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka and PostgreSQL`);
  return value;
}

// The cluster setup: the features service consumes a real Kafka broker and stores into a real PostgreSQL;
// a data engineer's producer is a separate client.
describe('corpus ingestion on real Kafka and PostgreSQL', () => {
  const prefix = `t${randomUUID().slice(0, 8)}.`;
  let dataDir: string;
  let platform: Platform;
  let service: RunningService;
  let engineer: KafkaEventBus;
  const ready: Envelope[] = [];
  const dead: Envelope[] = [];

  beforeAll(async () => {
    const brokers = requireEnv('SER_TEST_KAFKA_BROKERS').split(',');
    const url = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-ingest-kafka-'));
    const logger = createLogger('test', { level: 'warn' });
    const bus = await KafkaEventBus.fromConfig({ brokers, clientId: 'features', topicPrefix: prefix, logger });
    const store = await openMetadataStore({ kind: 'postgres', url, schema: `ingest_${randomUUID().slice(0, 8)}` });
    platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1' }, overrides: ['--ports.features=0'] }), {
      bus,
      store,
      logger,
    });
    service = await startFeaturesService(platform);
    engineer = await KafkaEventBus.fromConfig({ brokers, clientId: 'data-engineer', topicPrefix: prefix, logger });
    await engineer.subscribe({ groupId: 'watch-ready', topics: [TOPICS.featuresReady], fromBeginning: true, handler: async (e) => void ready.push(e) });
    await engineer.subscribe({ groupId: 'watch-dead', topics: [TOPICS.deadLetter], fromBeginning: true, handler: async (e) => void dead.push(e) });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await engineer?.close();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ingests a published corpus once, reports bad files, and dead-letters a bad event', async () => {
    const root = join(dataDir, 'corpora', 'urdu-like');
    mkdirSync(root, { recursive: true });
    await writeUrduLikeCorpus(root, 2);
    await addBadFiles(root);

    await engineer.publish(TOPICS.corpusPublished, { corpusName: 'urdu-like', format: 'urdu', uri: root }, { key: 'urdu-like' });
    await expect.poll(() => ready.length, { timeout: 90_000, interval: 250 }).toBe(1);
    expect(ready[0]!.data).toMatchObject({ corpusName: 'urdu-like', utteranceCount: 8, skippedCount: 3 });
    const version = (await platform.store.datasets.latestVersion('urdu-like'))!;
    expect(version.utteranceCount).toBe(8);
    expect((version.ingestionReport as { skipped: unknown[] }).skipped).toHaveLength(3);

    // The same corpus published again (a new event) changes nothing.
    const again = await engineer.publish(TOPICS.corpusPublished, { corpusName: 'urdu-like', format: 'urdu', uri: root }, { key: 'urdu-like' });
    await expect.poll(() => platform.store.processedEvents.isProcessed('features.corpus-published', again.id), { timeout: 60_000, interval: 250 }).toBe(true);
    await engineer.publish(TOPICS.corpusPublished, { corpusName: 'nowhere', format: 'urdu', uri: '/definitely/not/here' }, { key: 'nowhere' });
    await expect.poll(() => dead.length, { timeout: 60_000, interval: 250 }).toBe(1);
    expect((dead[0]!.data as { reason: string }).reason).toMatch(/not a readable directory/);
    expect((await platform.store.datasets.listVersions('urdu-like')).totalCount).toBe(1);
    expect(ready).toHaveLength(1);
  });
});
