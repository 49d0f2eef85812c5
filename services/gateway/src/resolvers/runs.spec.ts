import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql, startSpecGateway, type SpecGateway } from '../spec-gateway';
import { storeId } from './global-ids';

const START = 'mutation($input: StartClassifierRunInput!) { startClassifierRun(input: $input) { id status method config lineage { raw } } }';
const storeIdOf = (run: unknown) => storeId('Run', (run as { id: string }).id);
const PRETRAIN = 'mutation($input: StartPretrainRunInput!) { startPretrainRun(input: $input) { id kind status config } }';

// The gateway queues runs in the store itself, validated by the trainers' planner (@ser/runs): every trainer's
// address here is NOWHERE, as when trainers are scaled to zero, and a run is still queued.
describe('starting runs with no trainer up', () => {
  let t: SpecGateway;
  let operator: string;
  let dv: string;

  beforeAll(async () => {
    t = await startSpecGateway({ defaultModelName: 'spec-default' });
    operator = (await t.store.apiTokens.create({ name: 'spec-operator', role: 'operator' })).token;
    dv = (await t.store.datasets.registerVersion({ datasetName: 'demo', version: 'v1', format: 'manifest', sourceUri: '/d', utteranceCount: 1 })).version.id;
  }, 600_000); // PGlite and the gateway start slowly on a loaded machine
  afterAll(async () => {
    await t?.stop();
  });

  const queuedRuns = async () => (await t.store.runs.list({ status: ['queued'] }, { first: 100 })).edges.length;

  it('queues a classifier run, its method enum as config.method, resolved as the trainer resolves it', async () => {
    const res = await postGraphql(
      t.gateway.url,
      { query: START, variables: { input: { datasetVersionIds: [dv], method: 'FOP_HYPERCOLUMNS', config: { repeats: 2 }, checkpointId: '' } } },
      { token: operator },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'); // hypercolumns need a checkpoint: the trainer's own rule

    const ok = await postGraphql(
      t.gateway.url,
      { query: START, variables: { input: { datasetVersionIds: [dv], method: 'FOP_FINE_TUNE', config: { repeats: 2 }, modelName: 'queued-model' } } },
      { token: operator },
    );
    expect(ok.errors).toBeUndefined();
    const run = ok.data!.startClassifierRun as {
      id: string;
      status: string;
      method: string;
      config: Record<string, unknown>;
      lineage: { raw: Record<string, unknown> };
    };
    expect(run).toMatchObject({ status: 'QUEUED', method: 'FOP_FINE_TUNE', config: { method: 'fop-fine-tune', repeats: 2, datasetVersionId: dv } });
    expect(run.config.model).toMatchObject({ dModel: expect.any(Number) }); // the resolved FOP config is stored, as the trainer stores it
    expect(run.lineage.raw).toMatchObject({ datasetVersionIds: [dv], checkpointId: '', modelName: 'queued-model' });
    // Without a model name, the platform's default (inference.defaultModelName), as the trainer fills it in.
    const unnamed = await postGraphql(
      t.gateway.url,
      { query: START, variables: { input: { datasetVersionIds: [dv], method: 'FOP_FINE_TUNE' } } },
      { token: operator },
    );
    expect((unnamed.data!.startClassifierRun as { lineage: { raw: Record<string, unknown> } }).lineage.raw.modelName).toBe('spec-default');
    const stored = (await t.store.runs.get(storeIdOf(ok.data!.startClassifierRun)))!;
    expect(stored.modelName).toBe('queued-model'); // runs.model_name, which registration reads
    expect(stored.lineage).not.toHaveProperty('modelName');
  });

  it('refuses a bad config with BAD_USER_INPUT and an unknown dataset version with NOT_FOUND, queueing nothing', async () => {
    const before = await queuedRuns();
    const mismatch = await postGraphql(
      t.gateway.url,
      { query: START, variables: { input: { datasetVersionIds: [dv], method: 'SEQUENCE_MODEL', config: { method: 'fop-fine-tune' } } } },
      { token: operator },
    );
    expect(mismatch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownKey = await postGraphql(
      t.gateway.url,
      { query: START, variables: { input: { datasetVersionIds: [dv], config: { method: 'fop-fine-tune', epoch: 3 } } } },
      { token: operator },
    );
    expect(unknownKey.errors?.[0]).toMatchObject({ message: expect.stringContaining('epoch'), extensions: { code: 'BAD_USER_INPUT' } });
    const badPretrain = await postGraphql(
      t.gateway.url,
      { query: PRETRAIN, variables: { input: { kind: 'VQVAE', datasetVersionIds: [dv], config: { epochs: 0 } } } },
      { token: operator },
    );
    expect(badPretrain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await postGraphql(
      t.gateway.url,
      { query: PRETRAIN, variables: { input: { kind: 'FOP', datasetVersionIds: ['missing'] } } },
      { token: operator },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await queuedRuns()).toBe(before);
  });

  it('queues a pre-training run with the defaults its trainer would fill in', async () => {
    const res = await postGraphql(
      t.gateway.url,
      { query: PRETRAIN, variables: { input: { kind: 'FOP', datasetVersionIds: [dv], config: { epochs: 3 }, displayName: 'queued' } } },
      { token: operator },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.startPretrainRun).toMatchObject({
      kind: 'FOP_PRETRAIN',
      status: 'QUEUED',
      config: { epochs: 3, batchSize: 32, datasetVersionIds: [dv], displayName: 'queued' },
    });
    // Stored beside the config, not in it (runs.display_name); the API shows it in config as it always did.
    const stored = (await t.store.runs.get(storeIdOf(res.data!.startPretrainRun)))!;
    expect(stored.displayName).toBe('queued');
    expect(stored.config).not.toHaveProperty('displayName');
  });
});
