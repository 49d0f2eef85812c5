import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { leftoverRunsNote } from './leftover-runs';

describe('leftoverRunsNote', () => {
  let store: MetadataStore;
  beforeEach(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
  });
  afterEach(() => store.close());

  it('names the runs still queued or running, and nothing when every run has ended', async () => {
    const ended = await store.runs.create({ kind: 'classifier' });
    await store.runs.update(ended.id, { status: 'succeeded' });
    expect(await leftoverRunsNote(store.runs, '/data')).toBeNull();

    const queued = await store.runs.create({ kind: 'classifier' });
    const running = await store.runs.create({ kind: 'fop-pretrain' });
    await store.runs.update(running.id, { status: 'running' });
    const note = await leftoverRunsNote(store.runs, '/data');
    expect(note).toContain('2 run(s) left unfinished in /data');
    expect(note).toContain(`classifier run ${queued.id} (queued)`);
    expect(note).toContain(`fop-pretrain run ${running.id} (running)`);
    expect(note).not.toContain(ended.id);
  });
});
