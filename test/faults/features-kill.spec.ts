import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaEventBus, TOPICS } from '@ser/events';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { countRegistered, openClaims, planProgress, readyAnnouncements, writeSmallDemoCorpus, type OpenClaim } from './ingestion-faults';
import { logTails, platformEnv, reportFaults, requireEnv, startService, type ServiceProcess } from './service-process';

const LEASE_MS = 2000;
const CORPUS = 'demo-kill';

interface Replica {
  name: string;
  service: ServiceProcess;
}

// Two features replicas (separate processes) share a corpus's shards on the real broker and server. One is frozen
// while it holds a claimed shard, then SIGKILLed: the survivor takes over its partitions, waits out the lease and
// re-claims the shard. Every utterance must be registered exactly once, in one dataset version, announced once.
describe('fault: a features replica SIGKILLed mid-shard', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `fault_fk_${suffix}`;
  const databaseUrl = requireEnv('SER_TEST_DATABASE_URL');
  const brokers = requireEnv('SER_TEST_KAFKA_BROKERS');
  const topicPrefix = `fk${suffix}.`;
  let dataDir: string;
  let store: MetadataStore;
  let db: pg.Pool;
  let engineer: KafkaEventBus;
  let paths: string[];
  const replicas: Replica[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-fault-features-'));
    paths = await writeSmallDemoCorpus(join(dataDir, 'corpora', CORPUS));
    store = await openMetadataStore({ kind: 'postgres', url: databaseUrl, schema }); // creates the schema first
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    engineer = await KafkaEventBus.fromConfig({
      brokers: brokers.split(','),
      clientId: 'data-engineer',
      topicPrefix,
      logger: createLogger('test', { level: 'warn' }),
    });
    const env = {
      ...platformEnv({ brokers, databaseUrl, schema, topicPrefix, dataDir }),
      SER_FEATURES_PORT: '0',
      SER_FEATURES_WORK_LEASE_MS: String(LEASE_MS),
    };
    // One after the other, so each has joined the work group before the corpus is published.
    for (const name of ['replica-a', 'replica-b']) {
      replicas.push({ name, service: await startService('features', { ...env, SER_INSTANCE_ID: name }, ['--features.shardSize=4']) });
    }
  }, 420_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.service.stop()));
    await engineer?.close();
    await db?.end();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("re-claims the killed replica's shard after its lease, losing and duplicating nothing", async ({ onTestFailed }) => {
    onTestFailed(() => console.error(logTails(replicas.map((r) => r.service))));
    await engineer.publish(TOPICS.corpusPublished, { corpusName: CORPUS, format: 'manifest', uri: join(dataDir, 'corpora', CORPUS) }, { key: CORPUS });

    // Freeze the replica holding a claim, check the claim is still open (mid-shard), then kill it.
    const victim = await freezeMidShard(db, schema, replicas);
    await victim.replica.service.stop('SIGKILL');
    const survivor = replicas.find((r) => r !== victim.replica)!;

    await expect.poll(async () => (await planProgress(db, schema, CORPUS))?.status, { timeout: 240_000, interval: 500 }).toBe('completed');
    const items = await store.ingestionWork.listItems(victim.claim.planId);
    expect(items.every((i) => i.status === 'done')).toBe(true);
    const redone = items.find((i) => i.shardIndex === victim.claim.shardIndex)!;
    // Claimed by the victim, claimed again by the survivor once the lease ran out, and done by the survivor.
    expect(redone.attempt).toBeGreaterThanOrEqual(2);
    expect(redone.doneBy?.startsWith(`${survivor.name}/`)).toBe(true);

    const counts = await countRegistered(databaseUrl, schema, CORPUS, paths);
    const report = reportFaults('features-kill', {
      inputs: paths.length,
      faults: 1,
      lost: counts.lost,
      duplicated: counts.duplicated,
      reclaimedShards: items.filter((i) => i.attempt >= 2).length,
      versions: counts.versions,
      readyEvents: await readyAnnouncements(brokers, topicPrefix, CORPUS),
    });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, versions: 1, readyEvents: 1 });
    expect(survivor.service.alive()).toBe(true);
  }, 300_000);
});

/** SIGSTOPs a replica holding a claim and returns it once its claim is seen still open while it is frozen. */
async function freezeMidShard(db: pg.Pool, schema: string, replicas: Replica[]): Promise<{ replica: Replica; claim: OpenClaim }> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    for (const claim of await openClaims(db, schema, CORPUS)) {
      const owner = replicas.find((r) => claim.claimedBy.startsWith(`${r.name}/`));
      if (!owner) continue;
      owner.service.child.kill('SIGSTOP');
      const stillOpen = (await openClaims(db, schema, CORPUS)).some((c) => c.shardIndex === claim.shardIndex && c.claimedBy === claim.claimedBy);
      if (stillOpen) return { replica: owner, claim };
      owner.service.child.kill('SIGCONT'); // it finished that shard just before it stopped: try again
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no replica was seen holding a claimed shard');
}
