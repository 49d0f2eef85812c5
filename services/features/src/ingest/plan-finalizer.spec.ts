import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus, TOPICS, type Envelope, type InProcessBus } from '@ser/events';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { PlanFinalizer } from './plan-finalizer';

const entry = (id: string, label: string) => ({
  utteranceId: id,
  path: `${id}.wav`,
  label,
  rawLabel: label,
  speaker: 's1',
  session: null,
  gender: null,
  contentHash: `h-${id}`,
});
const utterance = (id: string, label: string) => ({ ...entry(id, label), durationS: 1, split: null, featuresKey: `{"id":"${id}"}` });

/** A plan of two shards (a, b | c), every item done by a different worker, c failing to decode. */
async function donePlan(store: MetadataStore, name: string) {
  const { plan } = await store.ingestionWork.createPlan({
    datasetName: name,
    version: `v-${name}`,
    format: 'urdu',
    sourceUri: `/corpora/${name}`,
    root: `/corpora/${name}`,
    importSkipped: [{ path: 'x.txt', reason: 'unsupported' }],
    items: [[entry('a', 'angry'), entry('b', 'sad')], [entry('c', 'sad')]],
  });
  const results = [
    { utterances: [utterance('a', 'angry'), utterance('b', 'sad')], skipped: [] },
    { utterances: [], skipped: [{ path: 'c.wav', reason: 'truncated: cut' }] },
  ];
  for (const [i, result] of results.entries()) {
    await store.ingestionWork.claimItem(plan.id, i, `w${i}`, 60_000);
    await store.ingestionWork.completeItem(plan.id, i, `w${i}`, result as never);
  }
  return plan;
}

describe('PlanFinalizer', () => {
  let store: MetadataStore;
  let bus: InProcessBus;
  let finalizer: PlanFinalizer;
  const ready: Array<Envelope<typeof TOPICS.featuresReady>> = [];

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    bus = createInProcessBus();
    await bus.subscribe({
      groupId: 'test',
      topics: [TOPICS.featuresReady],
      fromBeginning: true,
      handler: async (e) => void ready.push(e as Envelope<typeof TOPICS.featuresReady>),
    });
    finalizer = new PlanFinalizer(store, bus, createLogger('test', { level: 'silent' }));
  });
  afterAll(async () => {
    await bus?.close();
    await store?.close();
  });

  it('registers the merged shards once and announces features.ready once, however often it is asked', async () => {
    const plan = await donePlan(store, 'merged');
    await Promise.all([finalizer.finishIfComplete(plan.id), finalizer.finishIfComplete(plan.id)]);
    await finalizer.finishIfComplete(plan.id);

    const version = (await store.datasets.findVersion('merged', 'v-merged'))!;
    expect(version).toMatchObject({ utteranceCount: 2, classCounts: { angry: 1, sad: 1 } });
    expect(version.ingestionReport).toMatchObject({
      filesSeen: 4,
      utterancesIngested: 2,
      skipped: [
        { path: 'x.txt', reason: 'unsupported' },
        { path: 'c.wav', reason: 'truncated: cut' },
      ],
    });
    expect((await store.datasets.listUtterances(version.id)).edges.map((e) => e.node.utteranceId)).toEqual(['a', 'b']);
    expect(await store.ingestionWork.getPlan(plan.id)).toMatchObject({ status: 'completed', datasetVersionId: version.id });
    await expect.poll(() => ready.filter((e) => e.data.corpusName === 'merged').length).toBe(1);
    expect(ready.find((e) => e.data.corpusName === 'merged')!.data).toMatchObject({ datasetId: version.id, utteranceCount: 2, skippedCount: 2 });
  });

  it('does nothing while items are open', async () => {
    const { plan } = await store.ingestionWork.createPlan({
      datasetName: 'open',
      version: 'v-open',
      format: 'urdu',
      sourceUri: '/c',
      root: '/c',
      items: [[entry('a', 'sad')]],
    });
    await finalizer.finishIfComplete(plan.id);
    expect(await store.datasets.findVersion('open', 'v-open')).toBeNull();
    expect(await store.ingestionWork.getPlan(plan.id)).toMatchObject({ status: 'running' });
  });

  it('announces a version registered by a replica that died before publishing, with the plan-derived event id', async () => {
    const plan = await donePlan(store, 'crashed');
    const { version } = await store.datasets.registerVersion({
      datasetName: 'crashed',
      version: 'v-crashed',
      format: 'urdu',
      sourceUri: '/c',
      utteranceCount: 2,
      ingestionReport: { utterancesIngested: 2, skipped: [] },
    });
    await store.ingestionWork.markRegistered(plan.id, version.id);

    await finalizer.finishIfComplete(plan.id);
    await expect.poll(() => ready.filter((e) => e.data.corpusName === 'crashed').length).toBe(1);
    expect(ready.find((e) => e.data.corpusName === 'crashed')!.id).toBe(`features-ready-${plan.id}`);
    expect(await store.ingestionWork.getPlan(plan.id)).toMatchObject({ status: 'completed' });
  });
});
