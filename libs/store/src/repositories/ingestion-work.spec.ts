import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore, type MetadataStore } from '../metadata-store';

const PLAN = {
  datasetName: 'urdu',
  version: 'v-hash',
  format: 'urdu',
  sourceUri: '/corpora/urdu',
  root: '/corpora/urdu',
  importSkipped: [{ path: 'x.wav', reason: 'empty' }],
  items: [[{ utteranceId: 'a' }], [{ utteranceId: 'b' }], [{ utteranceId: 'c' }]],
};

describe('IngestionWorkRepository (PGlite)', () => {
  let store: MetadataStore;
  // One store for the suite (opening PGlite is slow); each test plans its own corpus name.
  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('records one plan per corpus content with its items in shard order', async () => {
    const first = await store.ingestionWork.createPlan(PLAN);
    const again = await store.ingestionWork.createPlan({ ...PLAN, items: [] });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, plan: { id: first.plan.id, itemCount: 3 } });
    expect(first.plan).toMatchObject({ status: 'running', itemsDone: 0, importSkipped: PLAN.importSkipped });
    const items = await store.ingestionWork.listItems(first.plan.id);
    expect(items.map((i) => [i.shardIndex, i.status, i.entries])).toEqual([
      [0, 'pending', [{ utteranceId: 'a' }]],
      [1, 'pending', [{ utteranceId: 'b' }]],
      [2, 'pending', [{ utteranceId: 'c' }]],
    ]);
    expect(await store.ingestionWork.findPlan('urdu', 'v-hash')).toMatchObject({ id: first.plan.id });
  });

  it('lets one worker hold an item until its lease runs out, then another redoes it', async () => {
    const { plan } = await store.ingestionWork.createPlan({ ...PLAN, datasetName: 'leases' });
    const claimA = await store.ingestionWork.claimItem(plan.id, 0, 'A', 60_000);
    expect(claimA).toMatchObject({ outcome: 'claimed', item: { claimedBy: 'A', attempt: 1 } });
    expect(await store.ingestionWork.claimItem(plan.id, 0, 'B', 60_000)).toMatchObject({ outcome: 'held', claimedBy: 'A' });

    // A's lease is short and runs out (A "crashed"): B takes the item over, and A's late result is dropped.
    await store.ingestionWork.claimItem(plan.id, 1, 'A', 50);
    await sleep(120);
    expect(await store.ingestionWork.renewLease(plan.id, 1, 'B', 1000)).toBe(false);
    expect(await store.ingestionWork.claimItem(plan.id, 1, 'B', 60_000)).toMatchObject({ outcome: 'claimed', item: { claimedBy: 'B', attempt: 2 } });
    expect(await store.ingestionWork.renewLease(plan.id, 1, 'A', 1000)).toBe(false);
    expect(await store.ingestionWork.completeItem(plan.id, 1, 'A', { by: 'A' })).toEqual({ completed: false, last: false });
    expect(await store.ingestionWork.completeItem(plan.id, 1, 'B', { by: 'B' })).toEqual({ completed: true, last: false });
    expect(await store.ingestionWork.claimItem(plan.id, 1, 'A', 60_000)).toEqual({ outcome: 'done' });
    const item = (await store.ingestionWork.listItems(plan.id))[1]!;
    expect(item).toMatchObject({ status: 'done', doneBy: 'B', result: { by: 'B' } });
    expect(await store.ingestionWork.claimItem('no-such-plan', 0, 'A', 1000)).toEqual({ outcome: 'missing' });
  });

  it('reports the last item exactly once, and a redone item is not counted twice', async () => {
    const { plan } = await store.ingestionWork.createPlan({ ...PLAN, datasetName: 'last' });
    for (const i of [0, 1, 2]) await store.ingestionWork.claimItem(plan.id, i, `w${i}`, 60_000);
    const results = await Promise.all([0, 1, 2].map((i) => store.ingestionWork.completeItem(plan.id, i, `w${i}`, { i })));
    expect(results.filter((r) => r.last)).toHaveLength(1);
    expect(await store.ingestionWork.completeItem(plan.id, 2, 'w2', { i: 2 })).toEqual({ completed: false, last: false });
    expect(await store.ingestionWork.getPlan(plan.id)).toMatchObject({ itemsDone: 3, itemCount: 3 });
    expect(await store.ingestionWork.openItems(plan.id)).toEqual([]);
  });

  it('moves a plan from running to registered to completed, once each', async () => {
    const { plan } = await store.ingestionWork.createPlan({ ...PLAN, datasetName: 'states' });
    const { version } = await store.datasets.registerVersion({ datasetName: 'states', version: 'v-hash', format: 'urdu', sourceUri: '/c', utteranceCount: 0 });
    expect(await store.ingestionWork.markCompleted(plan.id)).toBe(false);
    expect(await store.ingestionWork.markRegistered(plan.id, version.id)).toBe(true);
    expect(await store.ingestionWork.markRegistered(plan.id, version.id)).toBe(false);
    expect(await store.ingestionWork.markCompleted(plan.id)).toBe(true);
    expect(await store.ingestionWork.getPlan(plan.id)).toMatchObject({ status: 'completed', datasetVersionId: version.id });
    await store.ingestionWork.deletePlan(plan.id);
    expect(await store.ingestionWork.getPlan(plan.id)).toBeNull();
  });
});
