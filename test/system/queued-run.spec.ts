import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { parseGlobalId } from '@ser/gateway';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { writeSmallDemoCorpus } from '../faults/ingestion-faults';
import { listeningAddress, logTails, platformEnv, requireEnv, startService, type ServiceProcess } from '../faults/service-process';
import { gql } from '../gateway/client';
import { freePort } from '../infra/process';

// A FOP fine-tuning run small enough to train in seconds; the way the run gets started is under test.
const FINE_TUNE = {
  method: 'fop-fine-tune',
  model: { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 },
  epochs: 2,
  batchSize: 8,
  cropFrames: 40,
  patience: 2,
  repeats: 1,
  protocol: { kind: 'speaker-holdout' },
};
const CORPUS = 'demo-queued';
const START = 'mutation ($input: StartClassifierRunInput!) { startClassifierRun(input: $input) { id status } }';
const TRAIN = 'mutation ($input: TrainRecipeInput!) { trainRecipe(input: $input) { id } }';

interface Progress {
  runProgress: { status: string; progress: number };
}

// Trainers scale to zero on the run queue (KEDA in the chart): the gateway must queue a run while no trainer of its
// kind is up, and the trainer that starts later takes it. Every service is its own process on the real PostgreSQL
// and broker; the classifier-trainer's address points at a port where nothing listens until the trainer starts
// there, so a gateway that called StartClassifierRun would fail the mutation.
describe('a run started while no trainer of its kind is up (trainers scaled to zero)', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `queued_${suffix}`;
  let dataDir: string;
  let store: MetadataStore;
  let env: Record<string, string>;
  const services: ServiceProcess[] = [];
  let gatewayUrl = '';
  let trainerPort = 0;
  let fopPort = 0;
  let operator = '';
  let datasetVersionId = '';

  beforeAll(async () => {
    const databaseUrl = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-queued-run-'));
    await writeSmallDemoCorpus(join(dataDir, 'corpora', CORPUS), 4, 2);
    store = await openMetadataStore({ kind: 'postgres', url: databaseUrl, schema });
    operator = (await store.apiTokens.create({ name: 'queued-operator', role: 'operator' })).token;
    const base = platformEnv({ brokers: requireEnv('SER_TEST_KAFKA_BROKERS'), databaseUrl, schema, topicPrefix: `q${suffix}.`, dataDir });
    const [featuresPort, registryPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    [trainerPort, fopPort] = [await freePort(), await freePort()];
    env = {
      ...base,
      SER_FEATURES_ADDRESS: `127.0.0.1:${featuresPort}`,
      SER_MODEL_REGISTRY_ADDRESS: `127.0.0.1:${registryPort}`,
      SER_CLASSIFIER_TRAINER_ADDRESS: `127.0.0.1:${trainerPort}`,
      SER_FOP_PRETRAINER_ADDRESS: `127.0.0.1:${fopPort}`,
    };
    services.push(await startService('features', { ...env, SER_FEATURES_PORT: String(featuresPort) }));
    services.push(await startService('modelRegistry', { ...env, SER_MODEL_REGISTRY_PORT: String(registryPort) }));
    services.push(await startService('gateway', { ...env, SER_GATEWAY_PORT: String(gatewayPort) }));
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const client = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, listeningAddress(services[0]!), { deadlineMs: 120_000 });
    for await (const m of iterateStream(
      client.IngestDataset({ corpusName: CORPUS, format: 'DATASET_FORMAT_MANIFEST', uri: join(dataDir, 'corpora', CORPUS) }),
    )) {
      if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
    }
    closeClient(client);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('queues the run at once, and the trainer started later runs it to success while a subscription follows it', async ({ onTestFailed }) => {
    onTestFailed(() => console.error(logTails(services)));
    const started = await gql<{ startClassifierRun: { id: string; status: string } }>(
      gatewayUrl,
      START,
      { input: { datasetVersionIds: [datasetVersionId], config: FINE_TUNE, modelName: 'queued-emotion' } },
      operator,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.startClassifierRun.status).toBe('QUEUED');
    const runId = started.data!.startClassifierRun.id;
    const storedId = parseGlobalId(runId)!.id;

    // A bad config is still refused by the gateway alone, as the trainer would refuse it.
    const refused = await gql(gatewayUrl, START, { input: { datasetVersionIds: [datasetVersionId], config: { ...FINE_TUNE, epoch: 3 } } }, operator);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // A queued run is cancelled with no trainer up: the gateway withdraws it in the store, a watcher sees it end,
    // and the trainer started later never takes it (checked at the end).
    const withdrawn = await gql<{ startClassifierRun: { id: string } }>(
      gatewayUrl,
      START,
      { input: { datasetVersionIds: [datasetVersionId], config: FINE_TUNE } },
      operator,
    );
    const withdrawnId = withdrawn.data!.startClassifierRun.id;
    const cancelled = await cancelWhileWatching(gatewayUrl, operator, withdrawnId);
    expect(cancelled).toEqual({ mutation: 'CANCELLED', watched: ['QUEUED', 'CANCELLED'] });

    const ws = createWsClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${operator}` },
      lazy: true,
    });
    try {
      const events = ws.iterate<Progress>({ query: 'subscription ($id: ID!) { runProgress(runId: $id) { status progress } }', variables: { id: runId } });
      // Watched while no trainer is up: the snapshot says queued, and the run stays so.
      const first = await events.next();
      expect(first.value?.data?.runProgress.status).toBe('QUEUED');
      expect((await store.runs.get(storedId))!.status).toBe('queued');

      services.push(
        await startService('classifierTrainer', { ...env, SER_CLASSIFIER_TRAINER_PORT: String(trainerPort), SER_INSTANCE_ID: 'classifier-trainer-0' }),
      );
      const statuses: string[] = [];
      for await (const event of { [Symbol.asyncIterator]: () => events }) {
        expect(event.errors).toBeUndefined();
        statuses.push(event.data!.runProgress.status);
        if (/SUCCEEDED|FAILED|CANCELLED/.test(event.data!.runProgress.status)) break;
      }
      expect(statuses).toContain('RUNNING');
      expect(statuses.at(-1)).toBe('SUCCEEDED');
    } finally {
      await ws.dispose();
    }

    const run = await gql<{ run: { status: string; error: string | null; modelVersion: { modelName: string } | null } }>(
      gatewayUrl,
      'query ($id: ID!) { run(id: $id) { status error modelVersion { modelName } } }',
      { id: runId },
      operator,
    );
    expect(run.data!.run).toMatchObject({ status: 'SUCCEEDED', error: null, modelVersion: { modelName: 'queued-emotion' } });
    expect((await store.runs.get(storedId))!.claimedBy).toContain('classifier-trainer-0');
    expect(await store.runs.get(parseGlobalId(withdrawnId)!.id)).toMatchObject({ status: 'cancelled', claimedBy: null, attempt: 0 });
  }, 600_000);

  it('trainRecipe queues its pre-training with no fop-pretrainer up, and the one started later runs the recipe to a registered model', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => console.error(logTails(services)));
    const started = await gql<{ trainRecipe: { id: string } }>(
      gatewayUrl,
      TRAIN,
      { input: { dataset: CORPUS, modelName: 'queued-recipe', smoke: true, recipe: { baseline: false } } },
      operator,
    );
    expect(started.errors).toBeUndefined();
    const jobId = started.data!.trainRecipe.id;
    // The first step's run is queued in the store, not refused for want of a trainer.
    let firstRun = '';
    await expect
      .poll(
        async () => {
          const job = await gql<{ trainingJob: { steps: Array<{ run: { id: string; status: string } | null }> } }>(
            gatewayUrl,
            'query ($id: ID!) { trainingJob(id: $id) { steps { run { id status } } } }',
            { id: jobId },
            operator,
          );
          firstRun = job.data?.trainingJob.steps[0]?.run?.id ?? '';
          return job.data?.trainingJob.steps[0]?.run?.status;
        },
        { timeout: 60_000 },
      )
      .toBe('QUEUED');
    expect((await store.runs.get(parseGlobalId(firstRun)!.id))!.kind).toBe('fop-pretrain');

    services.push(await startService('fopPretrainer', { ...env, SER_FOP_PRETRAINER_PORT: String(fopPort), SER_INSTANCE_ID: 'fop-pretrainer-0' }));
    let job = { status: 'RUNNING', error: null as string | null, modelVersion: null as { modelName: string } | null };
    await expect
      .poll(
        async () => {
          const res = await gql<{ trainingJob: typeof job }>(
            gatewayUrl,
            'query ($id: ID!) { trainingJob(id: $id) { status error modelVersion { modelName } } }',
            { id: jobId },
            operator,
          );
          job = res.data!.trainingJob;
          return job.status;
        },
        { timeout: 540_000, interval: 2_000 },
      )
      .toMatch(/SUCCEEDED|FAILED/);
    expect(job).toEqual({ status: 'SUCCEEDED', error: null, modelVersion: { modelName: 'queued-recipe' } });
  }, 600_000);
});

/** Cancels a run through the gateway while a runProgress subscription follows it: the mutation's status, and the statuses watched. */
async function cancelWhileWatching(gatewayUrl: string, token: string, runId: string): Promise<{ mutation: string; watched: string[] }> {
  const ws = createWsClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
  });
  try {
    const events = ws.iterate<Progress>({ query: 'subscription ($id: ID!) { runProgress(runId: $id) { status progress } }', variables: { id: runId } });
    const watched = [(await events.next()).value!.data!.runProgress.status];
    const res = await gql<{ cancelRun: { status: string } }>(
      gatewayUrl,
      'mutation ($id: ID!) { cancelRun(id: $id, reason: "not needed") { status } }',
      { id: runId },
      token,
    );
    expect(res.errors).toBeUndefined();
    watched.push((await events.next()).value!.data!.runProgress.status);
    return { mutation: res.data!.cancelRun.status, watched };
  } finally {
    await ws.dispose();
  }
}
