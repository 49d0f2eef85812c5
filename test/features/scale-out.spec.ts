import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFeatureData, loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { KafkaEventBus, TOPICS, type Envelope } from '@ser/events';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore, type Utterance } from '@ser/store';
import { terminate } from '../infra/process';
import { addBadFiles, writeUrduLikeCorpus } from './urdu-like-corpus';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka and PostgreSQL`);
  return value;
}

const WORK_PARTITIONS = 4;

interface Replica {
  child: ChildProcess;
  /** gRPC address, from its 'grpc server listening' log line. */
  address: string;
  output: () => string;
}

/** One features-service replica as its own OS process (the service's main.ts, as a container runs it). */
async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/features/src/main.ts', '--features.shardSize=1'], {
    env: { ...process.env, ...env, SER_INSTANCE_ID: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica ${name} did not start in 180 s:\n${out}`)), 180_000);
    child.stdout!.on('data', () => {
      const line = out.split('\n').find((l) => l.includes('grpc server listening'));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { address: string }).address);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica ${name} exited with ${code}:\n${out}`));
    });
  });
  return { child, address: address.replace(/^0\.0\.0\.0:/, '127.0.0.1:'), output: () => out };
}

// Two features replicas (separate processes) in one consumer group on a real Kafka broker, one PostgreSQL schema
// and one shared artifacts directory: one corpus's shards are split between them.
describe('features service scale-out on Kafka', () => {
  const suffix = randomUUID().slice(0, 8);
  const prefix = `s${suffix}.`;
  const schema = `scale_${suffix}`;
  let dataDir: string;
  let store: MetadataStore;
  let engineer: KafkaEventBus;
  let kafka: Kafka;
  const replicas: Replica[] = [];
  const ready: Envelope[] = [];
  let goodPaths: string[];

  beforeAll(async () => {
    const brokers = requireEnv('SER_TEST_KAFKA_BROKERS');
    const url = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-scale-out-'));
    const root = join(dataDir, 'corpora', 'urdu-like');
    mkdirSync(root, { recursive: true });
    goodPaths = await writeUrduLikeCorpus(root, 4);
    await addBadFiles(root);

    // The work topic with several partitions, so the group's members each own some.
    kafka = new Kafka({ clientId: 'scale-out-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: prefix + TOPICS.featuresWork, numPartitions: WORK_PARTITIONS }], waitForLeaders: true });
    const [work] = (await admin.fetchTopicMetadata({ topics: [prefix + TOPICS.featuresWork] })).topics;
    expect(work!.partitions).toHaveLength(WORK_PARTITIONS);
    await admin.disconnect();

    store = await openMetadataStore({ kind: 'postgres', url, schema });
    const logger = createLogger('test', { level: 'warn' });
    engineer = await KafkaEventBus.fromConfig({ brokers: brokers.split(','), clientId: 'data-engineer', topicPrefix: prefix, logger });
    await engineer.subscribe({ groupId: 'watch-ready', topics: [TOPICS.featuresReady], fromBeginning: true, handler: async (e) => void ready.push(e) });

    const env = {
      SER_BUS: 'kafka',
      SER_KAFKA_BROKERS: brokers,
      SER_KAFKA_TOPIC_PREFIX: prefix,
      SER_STORE: 'postgres',
      SER_DATABASE_URL: url,
      SER_DATABASE_SCHEMA: schema,
      SER_DATA_DIR: dataDir,
      SER_FEATURE_WORKERS: '1',
      SER_FEATURES_PORT: '0',
      SER_METRICS_PORT: '0',
      SER_LOG_LEVEL: 'info',
    };
    // One after the other: each has joined the work group (and the group has rebalanced) before it listens.
    replicas.push(await startReplica('replica-a', env));
    replicas.push(await startReplica('replica-b', env));
  }, 420_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => terminate(r.child, 'SIGTERM', 20_000)));
    await engineer?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('splits one corpus between the replicas, with no duplicate, no loss and one features.ready', async () => {
    const root = join(dataDir, 'corpora', 'urdu-like');
    await engineer.publish(TOPICS.corpusPublished, { corpusName: 'urdu-like', format: 'urdu', uri: root }, { key: 'urdu-like' });
    await expect.poll(() => ready.length, { timeout: 240_000, interval: 500 }).toBe(1);
    const data = ready[0]!.data as { datasetId: string; datasetVersion: string; utteranceCount: number; skippedCount: number };
    expect(data).toMatchObject({ corpusName: 'urdu-like', utteranceCount: goodPaths.length, skippedCount: 3 });

    // The work records: every shard done, by both replicas.
    const plan = (await store.ingestionWork.findPlan('urdu-like', data.datasetVersion))!;
    expect(plan).toMatchObject({ status: 'completed', datasetVersionId: data.datasetId, itemsDone: plan.itemCount });
    const items = await store.ingestionWork.listItems(plan.id);
    expect(items.length).toBeGreaterThanOrEqual(goodPaths.length);
    expect(items.every((i) => i.status === 'done')).toBe(true);
    const doneBy = new Set(items.map((i) => i.doneBy!.split('/')[0]));
    expect(doneBy).toEqual(new Set(['replica-a', 'replica-b']));

    // Every good utterance registered exactly once, the bad files reported once each.
    const version = (await store.datasets.getVersion(data.datasetId))!;
    const page = await store.datasets.listUtterances(version.id, { first: 100 });
    const utterances = page.edges.map((e) => e.node);
    expect(utterances.map((u) => u.path).sort()).toEqual([...goodPaths].sort());
    expect(version.utteranceCount).toBe(goodPaths.length);
    expect(version.classCounts).toEqual({ angry: 4, happy: 4, neutral: 4, sad: 4 });
    const skipped = (version.ingestionReport as { skipped: Array<{ path: string }> }).skipped.map((s) => s.path).sort();
    expect(skipped).toEqual(['Angry/SM1_F90_A090.wav', 'Happy/SM1_F91_H091.wav', 'Sad/SM1_F92_S092.wav']);
    // Each utterance's features sit in its own shard's file, whichever replica wrote it.
    const shardFiles = new Set(utterances.map((u: Utterance) => (JSON.parse(u.featuresKey!) as { 'log-mel': string })['log-mel'].split('#')[0]));
    expect(shardFiles.size).toBe(goodPaths.length);

    // Features readable through either replica.
    const client = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, replicas[1]!.address, { deadlineMs: 60_000 });
    try {
      const rows = [];
      for await (const r of iterateStream(client.ReadFeatures({ datasetVersionId: version.id, kind: 'FEATURE_KIND_LOG_MEL' }))) rows.push(r);
      expect(rows).toHaveLength(goodPaths.length);
      for (const r of rows) {
        expect(r.features!.dims).toBe(80);
        const values = decodeFeatureData(r.features!.data);
        expect(values.length).toBe(r.features!.frames * 80);
        expect(values.every(Number.isFinite)).toBe(true);
      }
    } finally {
      closeClient(client);
    }

    // Still exactly one announcement a while later (no second finisher).
    await new Promise((r) => setTimeout(r, 3000));
    expect(ready).toHaveLength(1);
  }, 300_000);
});
