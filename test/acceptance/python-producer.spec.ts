// Issue 18's acceptance test for other languages: a Python producer (confluent-kafka, from PyPI) checks a
// corpus.published event against the committed JSON Schema (jsonschema) and publishes it to the real
// broker in binary mode; the features service on Kafka and PostgreSQL ingests the corpus.
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { KafkaEventBus, TOPICS, type Envelope } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { createLogger } from '@ser/logging';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { openMetadataStore } from '@ser/store';
import { writeUrduLikeCorpus } from '../features/urdu-like-corpus';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./python/publish_corpus.py', import.meta.url));
const PYTHON = process.env.SER_TEST_PYTHON ?? 'python3';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka and PostgreSQL`);
  return value;
}

/** Fails (never skips) without Python or its packages: scripts/ensure-prereqs.sh installs them. */
function requirePython(): void {
  try {
    execFileSync(PYTHON, ['-c', 'import confluent_kafka, jsonschema'], { stdio: 'pipe' });
  } catch (err) {
    const detail = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    throw new Error(`${PYTHON} with confluent-kafka and jsonschema is needed (bash scripts/ensure-prereqs.sh installs them): ${detail}`);
  }
}

describe('a Python producer publishes a corpus on real Kafka', () => {
  const prefix = `py${randomUUID().slice(0, 8)}.`;
  let brokers: string;
  let dataDir: string;
  let platform: Platform;
  let service: RunningService;
  let watcher: KafkaEventBus;
  const ready: Array<Envelope<typeof TOPICS.featuresReady>> = [];
  const dead: Envelope[] = [];
  const publish = (...args: string[]) => run(PYTHON, [SCRIPT, '--brokers', brokers, '--topic-prefix', prefix, ...args], { timeout: 60_000 });

  beforeAll(async () => {
    requirePython();
    brokers = requireEnv('SER_TEST_KAFKA_BROKERS');
    const url = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-python-producer-'));
    const logger = createLogger('test', { level: 'warn' });
    const bus = await KafkaEventBus.fromConfig({ brokers: brokers.split(','), clientId: 'features', topicPrefix: prefix, logger });
    const store = await openMetadataStore({ kind: 'postgres', url, schema: `python_${randomUUID().slice(0, 8)}` });
    platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1' }, overrides: ['--ports.features=0'] }), {
      bus,
      store,
      logger,
    });
    service = await startFeaturesService(platform); // subscribes, so the topic exists before Python writes to it
    watcher = await KafkaEventBus.fromConfig({ brokers: brokers.split(','), clientId: 'watcher', topicPrefix: prefix, logger });
    await watcher.subscribe({ groupId: 'watch-ready', topics: [TOPICS.featuresReady], fromBeginning: true, handler: async (e) => void ready.push(e) });
    await watcher.subscribe({ groupId: 'watch-dead', topics: [TOPICS.deadLetter], fromBeginning: true, handler: async (e) => void dead.push(e) });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await watcher?.close();
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses data that does not match the committed JSON Schema, sending nothing', async () => {
    const refused = publish('--name', 'bad', '--format', 'mp3', '--uri', '/x');
    await expect(refused).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ser\.corpus\.published\.v1 data invalid at \/format: 'mp3' is not one of/),
    });
  });

  it('publishes a binary-mode event that the features service ingests', async () => {
    const root = join(dataDir, 'corpora', 'tiny-urdu');
    mkdirSync(root, { recursive: true });
    const files = await writeUrduLikeCorpus(root, 1);

    const { stdout } = await publish('--name', 'tiny-urdu', '--format', 'urdu', '--uri', root, '--requested-by', 'python-test');
    const sent = JSON.parse(stdout) as { id: string; topic: string; partition: number; offset: number };
    expect(sent.topic).toBe(`${prefix}${TOPICS.corpusPublished}`);

    await expect.poll(() => ready.length, { timeout: 120_000, interval: 250 }).toBe(1);
    expect(ready[0]!.data).toMatchObject({ corpusName: 'tiny-urdu', utteranceCount: files.length, skippedCount: 0 });
    expect(await platform.store.processedEvents.isProcessed('features.corpus-published', sent.id)).toBe(true);
    expect((await platform.store.datasets.latestVersion('tiny-urdu'))?.utteranceCount).toBe(files.length);
    expect(dead).toEqual([]);
  });

  it('publishes a structured-mode event (one JSON envelope) that is ingested the same way', async () => {
    const root = join(dataDir, 'corpora', 'tiny-urdu-structured');
    mkdirSync(root, { recursive: true });
    const files = await writeUrduLikeCorpus(root, 1);

    const { stdout } = await publish('--mode', 'structured', '--name', 'tiny-urdu-structured', '--format', 'urdu', '--uri', root);
    const sent = JSON.parse(stdout) as { id: string };

    await expect.poll(() => ready.filter((e) => e.data.corpusName === 'tiny-urdu-structured').length, { timeout: 120_000, interval: 250 }).toBe(1);
    expect(await platform.store.processedEvents.isProcessed('features.corpus-published', sent.id)).toBe(true);
    expect((await platform.store.datasets.latestVersion('tiny-urdu-structured'))?.utteranceCount).toBe(files.length);
    expect(dead).toEqual([]);
  });
});
