import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore, type Run } from '@ser/store';
import { RunQueue } from './run-queue';

const logger = createLogger('test', { level: 'silent' });

describe('RunQueue', () => {
  let store: MetadataStore;
  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
  }, 60_000);
  afterAll(() => store.close());

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('claims and executes queued runs one at a time, and fails a run whose execution throws', async () => {
    const order: string[] = [];
    const failed: Array<[string, string]> = [];
    const queue = new RunQueue({
      store,
      kind: 'k1',
      instanceId: 'me',
      logger,
      execute: async (run: Run) => {
        order.push(`start ${run.id}`);
        expect(run.claimedBy).toBe('me');
        await new Promise((r) => setTimeout(r, 20));
        if (run.config.boom) throw new Error('boom');
        order.push(`end ${run.id}`);
      },
      fail: async (runId, message) => void failed.push([runId, message]),
    });
    const a = await store.runs.create({ kind: 'k1', id: 'a' });
    const b = await store.runs.create({ kind: 'k1', id: 'b', config: { boom: true } });
    queue.schedule(a.id);
    queue.schedule(b.id);
    await until(() => failed.length === 1);
    expect(order).toEqual(['start a', 'end a', 'start b']);
    expect(failed).toEqual([['b', 'boom']]);
    await queue.stop();
  });

  it('takes over interrupted runs that are its own or whose owner let the lease expire, never a live one', async () => {
    const executed: string[] = [];
    const make = async (id: string, owner: string) => {
      await store.runs.create({ kind: 'k2', id });
      await store.runs.claim(id, owner);
    };
    await make('mine', 'me');
    await make('live', 'other');
    await make('dead', 'ghost');
    await store.db.query(`UPDATE runs SET updated_at = now() - interval '10 minutes' WHERE id = 'dead'`);
    await store.runs.create({ kind: 'k2', id: 'waiting' });
    const queue = new RunQueue({
      store,
      kind: 'k2',
      instanceId: 'me',
      logger,
      leaseMs: 60_000,
      execute: async (run) => void executed.push(run.id),
      fail: async () => {},
    });
    await queue.recover();
    await until(() => executed.length === 3);
    await queue.stop();
    expect(executed.sort()).toEqual(['dead', 'mine', 'waiting']);
    expect((await store.runs.get('live'))!.claimedBy).toBe('other');
  });
});
