import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { planClassifierRun } from './classifier-start';
import { parseWith, planPretrainRun, PRETRAIN_CONFIG_SCHEMAS } from './pretrain-start';

// The model name a classifier run registers under is filled in by the planner alone, for the trainer's
// StartClassifierRun and the gateway alike: the request's name, else the platform default the caller passes.
describe("a planned classifier run's model name", { timeout: 300_000 }, () => {
  let store: MetadataStore;
  let start: { configJson: string; datasetVersionIds: string[]; checkpointId: string };

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    const { version } = await store.datasets.registerVersion({ datasetName: 'names', version: 'v1', format: 'manifest', sourceUri: '/d', utteranceCount: 1 });
    start = { configJson: JSON.stringify({ method: 'fop-fine-tune' }), datasetVersionIds: [version.id], checkpointId: '' };
  }, 300_000); // PGlite starts slowly on a loaded machine
  afterAll(async () => {
    await store?.close();
  });

  it("is the request's name when it names one, whatever the default", async () => {
    expect((await planClassifierRun(store, { ...start, modelName: 'asked-for', defaultModelName: 'platform-default' })).modelName).toBe('asked-for');
  });

  it("is the platform's default when the request names none (empty, as proto3 sends it, or absent)", async () => {
    expect((await planClassifierRun(store, { ...start, modelName: '', defaultModelName: 'platform-default' })).modelName).toBe('platform-default');
    expect((await planClassifierRun(store, { ...start, defaultModelName: 'platform-default' })).modelName).toBe('platform-default');
  });

  it('is left out when there is neither, so registration refuses the run instead of guessing a name', async () => {
    expect((await planClassifierRun(store, start)).modelName).toBeUndefined();
  });

  it('rides beside the config with the display name, so the trainer parses the config as it was stored', async () => {
    const classifier = await planClassifierRun(store, { ...start, displayName: 'shown', modelName: 'asked-for' });
    expect(classifier).toMatchObject({ displayName: 'shown', modelName: 'asked-for' });
    expect(classifier.config).not.toHaveProperty('displayName');
    expect(classifier.lineage).not.toHaveProperty('modelName');
    const pretrain = await planPretrainRun(store, parseWith(PRETRAIN_CONFIG_SCHEMAS['fop-pretrain']), {
      configJson: '{}',
      datasetVersionIds: start.datasetVersionIds,
      displayName: 'shown',
    });
    expect(pretrain.displayName).toBe('shown');
    expect(PRETRAIN_CONFIG_SCHEMAS['fop-pretrain'].parse(pretrain.config)).toEqual(pretrain.config); // strict: no stray key
    expect((await planClassifierRun(store, { ...start, displayName: '' })).displayName).toBeUndefined();
  });
});
