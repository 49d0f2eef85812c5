import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore, type MetadataStore } from './metadata-store';
import { readOnlyStore, runQueueWrites, type ReadOnlyStore } from './read-views';

describe('read-only views of the store', () => {
  let store: MetadataStore;
  let view: ReadOnlyStore;
  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    view = readOnlyStore(store);
  });
  afterAll(() => store.close());

  it('reads what the store holds', async () => {
    const { version } = await store.datasets.registerVersion({
      datasetName: 'seen',
      version: 'h1',
      format: 'wav-dir',
      sourceUri: 'file:///x',
      utteranceCount: 0,
    });
    const run = await store.runs.create({ kind: 'view-spec', config: { lr: 0.1 } });
    expect(await view.datasets.getVersion(version.id)).toEqual(version);
    expect((await view.datasets.get('seen'))?.name).toBe('seen');
    expect(await view.runs.get(run.id)).toEqual(run);
    expect(await view.checkpoints.latestForRun(run.id)).toBeNull();
    expect(await view.predictions.get('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('has no write method to call, not even through a cast', () => {
    const writes: Record<keyof ReadOnlyStore, string[]> = {
      datasets: ['registerVersion', 'addUtterances'],
      runs: ['create', 'update', 'claim', 'claimNext', 'release', 'cancelQueued', 'appendMetrics', 'appendMetric'],
      checkpoints: ['add'],
      predictions: ['record'],
    };
    for (const [repository, methods] of Object.entries(writes)) {
      const reached = view[repository as keyof ReadOnlyStore] as unknown as Record<string, unknown>;
      for (const m of methods) expect(reached[m], `${repository}.${m}`).toBeUndefined();
    }
    expect(Object.isFrozen(view.runs)).toBe(true);
    // The compiler refuses it too (npm test typechecks specs): an unused @ts-expect-error fails the typecheck.
    // @ts-expect-error update is not part of the view
    expect(() => view.runs.update('x', {})).toThrow(TypeError);
  });

  it('gives the run queue create and cancelQueued only', async () => {
    const queue = runQueueWrites(store);
    const run = await queue.create({ kind: 'view-spec' });
    expect(run.status).toBe('queued');
    expect(await queue.cancelQueued(run.id)).toMatchObject({ id: run.id, status: 'cancelled' });
    expect(Object.keys(queue).sort()).toEqual(['cancelQueued', 'create']);
  });
});
