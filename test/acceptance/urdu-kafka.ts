/**
 * Acceptance (issue 3): the URDU corpus published on a real Kafka broker ends with 400 utterances registered,
 * their features stored and a features.ready event; publishing again changes nothing; a folder with a truncated
 * WAV, an empty file and a text file named .wav beside good files ingests every good file and reports the three.
 * The publishing is done by the `ser corpus publish` CLI in its own process, as a data engineer would.
 *
 *   npx tsx test/acceptance/urdu-kafka.ts        (needs ../shared/data/urdu; starts Kafka and PostgreSQL)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlatformConfig } from '@ser/config';
import { KafkaEventBus, TOPICS, type Envelope } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { createLogger } from '@ser/logging';
import { openPlatform } from '@ser/runtime';
import { openMetadataStore } from '@ser/store';
import { startKafka, startPostgres } from '../infra';
import { addBadFiles } from '../features/urdu-like-corpus';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const urdu = resolve(repo, '../shared/data/urdu');
if (!existsSync(urdu)) {
  console.error(`URDU corpus not found at ${urdu}: this acceptance run needs ../shared beside the repository.`);
  process.exit(2);
}
const log = (s: string) => console.log(`[acceptance] ${s}`);
const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 300_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

const work = mkdtempSync(join(tmpdir(), 'ser-acceptance-'));
const [kafka, pg] = await Promise.all([startKafka({ log }), startPostgres({ log })]);
const logger = createLogger('acceptance', { level: 'warn' });
const bus = await KafkaEventBus.fromConfig({ brokers: [kafka.brokers], clientId: 'features', logger });
const store = await openMetadataStore({ kind: 'postgres', url: pg.url });
const platform = await openPlatform(
  loadPlatformConfig({ env: { SER_DATA_DIR: work, SER_CORPUS_ROOTS: `${resolve(repo, '../shared/data')},${work}` }, overrides: ['--ports.features=0'] }),
  { bus, store, logger },
);
const service = await startFeaturesService(platform);
const watcher = await KafkaEventBus.fromConfig({ brokers: [kafka.brokers], clientId: 'watcher', logger });
const ready: Envelope[] = [];
await watcher.subscribe({ groupId: 'acceptance', topics: [TOPICS.featuresReady], fromBeginning: true, handler: async (e) => void ready.push(e) });

const publish = (name: string, dir: string) => {
  const r = spawnSync(process.execPath, [join(repo, 'bin/ser.js'), 'corpus', 'publish', '--format', 'urdu', '--name', name, '--uri', dir], {
    encoding: 'utf8',
    env: { ...process.env, SER_KAFKA_BROKERS: kafka.brokers },
  });
  if (r.status !== 0) throw new Error(`ser corpus publish failed (${r.status}): ${r.stderr}`);
  log(`ser corpus publish: ${r.stdout.trim()}`);
};
const results: Record<string, unknown> = {};
try {
  const t0 = Date.now();
  publish('urdu', urdu);
  await until('features.ready for urdu', () => ready.length === 1);
  const version = (await store.datasets.latestVersion('urdu'))!;
  let withFeatures = 0;
  for (let after: string | undefined, page; (page = await store.datasets.listUtterances(version.id, { first: 500, after }));) {
    withFeatures += page.edges.filter(
      (e) => e.node.featuresKey && existsSync(platform.artifacts.localPath(JSON.parse(e.node.featuresKey)['log-mel'].split('#')[0])),
    ).length;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor ?? undefined;
  }
  results.urdu = {
    utterances: version.utteranceCount,
    withStoredFeatures: withFeatures,
    classCounts: version.classCounts,
    speakers: Object.keys(version.speakerCounts).length,
    featuresReady: ready[0]!.data,
    seconds: (Date.now() - t0) / 1000,
  };
  log(`urdu: ${JSON.stringify(results.urdu)}`);

  publish('urdu', urdu);
  await new Promise((r) => setTimeout(r, 5000));
  const versions = await store.datasets.listVersions('urdu');
  results.republish = { versions: versions.totalCount, featuresReadyEvents: ready.length };
  log(`publishing again: ${JSON.stringify(results.republish)}`);

  const mixed = join(work, 'mixed');
  for (const emotion of ['Angry', 'Happy', 'Neutral', 'Sad']) {
    mkdirSync(join(mixed, emotion), { recursive: true });
    for (const f of readdirSync(join(urdu, emotion)).slice(0, 3)) copyFileSync(join(urdu, emotion, f), join(mixed, emotion, f));
  }
  await addBadFiles(mixed);
  publish('mixed', mixed);
  await until('features.ready for mixed', () => ready.length === 2);
  const report = (await store.datasets.latestVersion('mixed'))!.ingestionReport as {
    utterancesIngested: number;
    skipped: Array<{ path: string; reason: string }>;
  };
  results.mixed = { utterances: report.utterancesIngested, skipped: report.skipped };
  log(`mixed folder: ${JSON.stringify(results.mixed)}`);

  const ok =
    withFeatures === 400 && version.utteranceCount === 400 && versions.totalCount === 1 && report.utterancesIngested === 12 && report.skipped.length === 3;
  console.log(JSON.stringify({ ok, ...results }));
  process.exitCode = ok ? 0 : 1;
} finally {
  await watcher.close();
  await service.stop();
  await platform.close();
  await Promise.allSettled([kafka.stop(), pg.stop()]);
  rmSync(work, { recursive: true, force: true });
}
