// The run queue in PostgreSQL is the way in for trainers: a run queued in the store by anyone (another replica, or
// while no trainer was up, as with trainers scaled to zero) is taken by an idle replica's poll, exactly once,
// without a Start call reaching that replica. Two replicas here are two RunQueues on their own connection pools.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { RunQueue } from '@ser/runs';
import { openMetadataStore, type MetadataStore, type Run } from '@ser/store';

const logger = createLogger('test', { level: process.env.SER_LOG_LEVEL ?? 'silent' });
const POLL_MS = 100;

function databaseUrl(): string {
  const url = process.env.SER_TEST_DATABASE_URL;
  if (!url) throw new Error('SER_TEST_DATABASE_URL is not set: these tests need a real PostgreSQL server (npm test starts one)');
  return url;
}

const schema = `run_queue_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const stores: MetadataStore[] = [];
const queues: RunQueue[] = [];

async function store(): Promise<MetadataStore> {
  const opened = await openMetadataStore({ kind: 'postgres', url: databaseUrl(), schema });
  stores.push(opened);
  return opened;
}

/** A trainer replica: executes each run it claims with `execute`, recording who ran what. */
async function replica(
  name: string,
  kind: string,
  executed: Array<[string, string]>,
  execute: (run: Run) => Promise<void> = async () => {},
): Promise<RunQueue> {
  const queue = new RunQueue({
    store: await store(),
    kind,
    instanceId: name,
    logger,
    pollIntervalMs: POLL_MS,
    execute: async (run) => {
      executed.push([name, run.id]);
      await execute(run);
      await stores[0]!.runs.update(run.id, { status: 'succeeded' });
    },
    fail: async () => {},
  });
  queues.push(queue);
  await queue.recover(); // as serveTrainer does once serving; polling starts here
  return queue;
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

afterAll(async () => {
  const admin = stores[0];
  await admin?.db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await Promise.allSettled(stores.map((s) => s.close()));
});

describe('trainers take runs from the PostgreSQL queue', { timeout: 60_000 }, () => {
  it('runs every run queued in the store after the replicas started exactly once, with no schedule call', async () => {
    const producer = await store(); // the gateway or registry, queueing without any trainer's help
    const executed: Array<[string, string]> = [];
    await replica('replica-a', 'poll-once', executed, () => new Promise((r) => setTimeout(r, 50)));
    await replica('replica-b', 'poll-once', executed, () => new Promise((r) => setTimeout(r, 50)));
    const queued = await Promise.all(Array.from({ length: 8 }, () => producer.runs.create({ kind: 'poll-once' })));
    const other = await producer.runs.create({ kind: 'another-kind' });

    await expect
      .poll(async () => (await producer.runs.list({ kind: 'poll-once', status: ['succeeded'] }, { first: 100 })).edges.length, {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(8);
    const runIds = executed.map(([, id]) => id);
    expect([...runIds].sort()).toEqual(queued.map((r) => r.id).sort()); // each once, none twice
    expect((await producer.runs.get(other.id))!.status).toBe('queued'); // a queue takes only its own kind
  });

  it('lets an idle replica take a queued run while another replica is busy with a long one', async () => {
    const producer = await store();
    const executed: Array<[string, string]> = [];
    let release: () => void = () => {};
    const long = new Promise<void>((r) => (release = r));
    const first = await producer.runs.create({ kind: 'poll-busy' });
    try {
      // replica-a starts alone and takes the first run, which holds it until released.
      await replica('replica-a', 'poll-busy', executed, (run) => (run.id === first.id ? long : Promise.resolve()));
      await expect.poll(() => executed.length, { timeout: 10_000, interval: 50 }).toBe(1);
      await replica('replica-b', 'poll-busy', executed);
      const second = await producer.runs.create({ kind: 'poll-busy' });

      await expect.poll(async () => (await producer.runs.get(second.id))!.status, { timeout: 10_000, interval: 50 }).toBe('succeeded');
      expect(executed).toEqual([
        ['replica-a', first.id],
        ['replica-b', second.id],
      ]);
      expect((await producer.runs.get(first.id))!.status).toBe('running');
    } finally {
      release(); // also when an expectation failed: stop() waits for the run in hand
    }
    await expect.poll(async () => (await producer.runs.get(first.id))!.status, { timeout: 10_000, interval: 50 }).toBe('succeeded');
  });

  it('stops polling at stop(): a run queued afterwards stays queued for the next replica', async () => {
    const producer = await store();
    const executed: Array<[string, string]> = [];
    const queue = await replica('replica-a', 'poll-stop', executed);
    await queue.stop();
    const run = await producer.runs.create({ kind: 'poll-stop' });
    await new Promise((r) => setTimeout(r, 5 * POLL_MS));
    expect(executed).toEqual([]);
    expect((await producer.runs.get(run.id))!.status).toBe('queued');
  });
});
