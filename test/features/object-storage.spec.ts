import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '@ser/artifacts';
import { loadPlatformConfig } from '@ser/config';
import { decodeFeatureData, loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { KafkaEventBus, TOPICS, type Envelope } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { openMetadataStore } from '@ser/store';
import { addBadFiles, writeUrduLikeCorpus } from './urdu-like-corpus';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka, PostgreSQL and an S3 server`);
  return value;
}

/** `ser ...` as a data engineer runs it, with the given environment on top of this one. */
function ser(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ser.js', ...args], { env: { ...process.env, ...env, SER_LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// A cluster without a shared volume: artifacts in a bucket, the corpus uploaded there by `ser corpus publish
// --upload`, the features service fetching it from the s3:// location the event names.
describe('object storage: artifacts and corpora in S3', () => {
  const prefix = `t${randomUUID().slice(0, 8)}.`;
  const bucket = `ser-os-${randomUUID().slice(0, 8)}`;
  let dataDir: string;
  let platform: Platform;
  let service: RunningService;
  let engineer: KafkaEventBus;
  let s3Env: Record<string, string>;
  const ready: Envelope[] = [];
  const dead: Envelope[] = [];

  beforeAll(async () => {
    const brokers = requireEnv('SER_TEST_KAFKA_BROKERS');
    const url = requireEnv('SER_TEST_DATABASE_URL');
    s3Env = {
      SER_S3_ENDPOINT: requireEnv('SER_TEST_S3_ENDPOINT'),
      AWS_ACCESS_KEY_ID: requireEnv('SER_TEST_S3_ACCESS_KEY_ID'),
      AWS_SECRET_ACCESS_KEY: requireEnv('SER_TEST_S3_SECRET_ACCESS_KEY'),
    };
    // The services take credentials from the SDK's default chain, as in a pod with the chart's Secret.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: s3Env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3Env.AWS_SECRET_ACCESS_KEY });
    const admin = createS3Client({ endpoint: s3Env.SER_S3_ENDPOINT });
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    admin.destroy();

    dataDir = mkdtempSync(join(tmpdir(), 'ser-object-storage-'));
    const logger = createLogger('test', { level: 'warn' });
    const bus = await KafkaEventBus.fromConfig({ brokers: brokers.split(','), clientId: 'features', topicPrefix: prefix, logger });
    const store = await openMetadataStore({ kind: 'postgres', url, schema: `objstore_${randomUUID().slice(0, 8)}` });
    const env = {
      SER_DATA_DIR: dataDir,
      SER_FEATURE_WORKERS: '1',
      SER_METRICS_PORT: '0',
      SER_ARTIFACT_STORE: `s3://${bucket}/artifacts`,
      SER_S3_ENDPOINT: s3Env.SER_S3_ENDPOINT,
      SER_CORPUS_ROOTS: `s3://${bucket}/corpora`,
    };
    platform = await openPlatform(loadPlatformConfig({ env, overrides: ['--ports.features=0'] }), { bus, store, logger });
    service = await startFeaturesService(platform);
    engineer = await KafkaEventBus.fromConfig({ brokers: brokers.split(','), clientId: 'data-engineer', topicPrefix: prefix, logger });
    await engineer.subscribe({ groupId: 'watch-ready', topics: [TOPICS.featuresReady], fromBeginning: true, handler: async (e) => void ready.push(e) });
    await engineer.subscribe({ groupId: 'watch-dead', topics: [TOPICS.deadLetter], fromBeginning: true, handler: async (e) => void dead.push(e) });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await engineer?.close();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ser corpus publish --upload copies the corpus to S3; the features service ingests it from there into S3', async () => {
    const local = join(dataDir, 'engineer', 'urdu-s3');
    mkdirSync(local, { recursive: true });
    await writeUrduLikeCorpus(local, 2);
    await addBadFiles(local);

    const upload = `s3://${bucket}/corpora/urdu-s3`;
    const r = await ser(['corpus', 'publish', '--format', 'urdu', '--name', 'urdu-s3', '--uri', local, '--upload', upload], {
      ...s3Env,
      SER_KAFKA_BROKERS: requireEnv('SER_TEST_KAFKA_BROKERS'),
      SER_KAFKA_TOPIC_PREFIX: prefix,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/uploaded 11 files/);

    await expect.poll(() => ready.length, { timeout: 90_000, interval: 250 }).toBe(1);
    expect(ready[0]!.data).toMatchObject({ corpusName: 'urdu-s3', utteranceCount: 8, skippedCount: 3 });
    const version = (await platform.store.datasets.latestVersion('urdu-s3'))!;
    expect(version.sourceUri).toBe(upload);

    // The shards are objects in the bucket; nothing went to a local artifact folder.
    const shards = (await platform.artifacts.list('features/urdu-s3/')).filter((k) => !k.endsWith('.json'));
    expect(shards.length).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'artifacts'))).toBe(false);
    const client = createS3Client({ endpoint: s3Env.SER_S3_ENDPOINT });
    const objects = (await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'artifacts/features/urdu-s3/' }))).Contents ?? [];
    client.destroy();
    expect(objects.length).toBeGreaterThanOrEqual(shards.length);

    // ReadFeatures reads each utterance's bytes with a ranged GET.
    const features = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, service.address, { deadlineMs: 60_000 });
    try {
      const rows = [];
      for await (const row of iterateStream(features.ReadFeatures({ datasetVersionId: version.id, kind: 'FEATURE_KIND_LOG_MEL' }))) rows.push(row);
      expect(rows).toHaveLength(8);
      for (const row of rows) {
        expect(row.features!.frames).toBe(1 + Math.floor((row.utterance!.durationSeconds * 16000) / 160));
        expect(decodeFeatureData(row.features!.data).length).toBe(row.features!.frames * 80);
      }

      // ReadUtteranceAudio (the gateway's predict-by-utterance) serves an utterance's audio from the bucket: with
      // this replica's corpus cache gone, the file must come from S3 again.
      rmSync(join(dataDir, 'corpus-cache'), { recursive: true, force: true });
      const utterance = rows[0]!.utterance!;
      const chunks = [];
      for await (const c of iterateStream(features.ReadUtteranceAudio({ datasetVersionId: version.id, utteranceId: utterance.id }))) chunks.push(c);
      expect(chunks.map((c) => c.path)).toEqual([utterance.path]);
      expect(Buffer.concat(chunks.map((c) => c.data)).equals(readFileSync(join(local, utterance.path)))).toBe(true);
    } finally {
      closeClient(features);
    }
  });

  it('dead-letters an s3:// location outside the allowed corpus roots', async () => {
    await engineer.publish(TOPICS.corpusPublished, { corpusName: 'elsewhere', format: 'urdu', uri: `s3://${bucket}/private/x` }, { key: 'elsewhere' });
    await expect.poll(() => dead.length, { timeout: 60_000, interval: 250 }).toBe(1);
    expect((dead[0]!.data as { reason: string }).reason).toMatch(/outside the allowed corpus roots/);
  });
});
