import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from '@ser/events';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { ModelRegistry } from './model-registry';
import { registryMetrics } from './registry-metrics';

// RegisterModelVersion: the registry, owner of model_versions, writes a run's kept model; the trainer only asks.
describe('registering a run model version', { timeout: 300_000 }, () => {
  let store: MetadataStore;
  let registry: ModelRegistry;
  const prometheus = new Registry();
  /** A counter's value for these labels (0 before its first increment). */
  const count = async (name: string, labels: Record<string, string>) =>
    (await prometheus.getSingleMetric(name)!.get()).values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
  const request = (runId: string, over: Record<string, unknown> = {}) => ({
    modelName: 'emo',
    runId,
    artifactKey: `models/${runId}`,
    metrics: { ua: 0.5 },
    lineageJson: '{"kind":"fop-classifier"}',
    ...over,
  });

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    for (const id of ['run-a', 'run-b', 'run-c']) await store.runs.create({ id, kind: 'classifier' });
    registry = new ModelRegistry({
      store,
      bus: createInProcessBus(),
      logger: createLogger('test', { level: 'warn' }),
      defaultAlias: 'production',
      metrics: registryMetrics(prometheus),
    });
  }, 300_000);
  afterAll(async () => store?.close());

  it('registers the next version of the name, and gives a run that registered before its version back', async () => {
    const first = await registry.register(request('run-a'));
    expect(first).toMatchObject({ created: true, modelVersion: { name: 'emo', version: '1', artifactKey: 'models/run-a', metrics: { ua: 0.5 } } });
    expect(JSON.parse(String(first.modelVersion.lineageJson))).toEqual({ kind: 'fop-classifier' });
    expect(await registry.register(request('run-b'))).toMatchObject({ created: true, modelVersion: { version: '2' } });
    const again = await registry.register(request('run-a', { metrics: { ua: 0.9 } }));
    expect(again).toMatchObject({ created: false, modelVersion: { id: first.modelVersion.id, version: '1', metrics: { ua: 0.5 } } });
    expect((await store.models.listModels()).map((m) => [m.name, m.versionCount])).toEqual([['emo', 2]]);
    // Counted once per new version: the run that registered again got its version back.
    expect(await count('ser_model_registry_versions_registered_total', { model_name: 'emo' })).toBe(2);
  });

  it('counts alias moves by model and alias, and not a move to the version the alias already names', async () => {
    const moves = () => count('ser_model_registry_alias_moves_total', { model_name: 'emo', alias: 'production' });
    await registry.setAlias({ name: 'emo', alias: 'production', version: '1' });
    expect(await moves()).toBe(1);
    await registry.setAlias({ name: 'emo', alias: 'production', version: '1' });
    expect(await moves()).toBe(1);
    await registry.setAlias({ name: 'emo', alias: 'production', version: '2' }); // a promotion
    await registry.setAlias({ name: 'emo', alias: 'production', version: '1' }); // and its rollback
    expect(await moves()).toBe(3);
    expect(await count('ser_model_registry_alias_moves_total', { model_name: 'emo', alias: 'staging' })).toBe(0);
  });

  it('refuses a request without a name, run or artifact, or with a lineage that is not a JSON object, and an unknown run', async () => {
    await expect(registry.register(request('run-c', { modelName: '', artifactKey: '' }))).rejects.toMatchObject({ code: 3 });
    await expect(registry.register(request('run-c', { lineageJson: '[1]' }))).rejects.toMatchObject({ code: 3 });
    await expect(registry.register(request('run-c', { lineageJson: '{' }))).rejects.toMatchObject({ code: 3 });
    await expect(registry.register(request('no-such-run'))).rejects.toMatchObject({ code: 5 });
    expect(await store.models.findByRun('run-c')).toBeNull();
  });
});
