import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateDemoCorpus } from '@ser/demo-corpus';
import { KafkaEventBus, TOPICS } from '@ser/events';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { gql, gqlUpload } from '../gateway/client';
import { startServiceProcesses, type ServiceProcesses } from './e2e-processes';

// The paper's FOP structure at a size that trains in seconds; the pipeline, not the accuracy, is under test.
const PRETRAIN = { model: { dModel: 32, numHeads: 2, ffnUnits: 64, numLayers: 1 }, epochs: 2, batchSize: 8, cropFrames: 60, patience: 2 };
const FINE_TUNE = { method: 'fop-fine-tune', epochs: 2, batchSize: 8, cropFrames: 60, patience: 2, repeats: 1, protocol: { kind: 'speaker-holdout' } };
const MODEL = 'e2e-emotion';

const RUN_FIELDS = 'id kind status error outputCheckpointId';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka and PostgreSQL`);
  return value;
}

// Publish a corpus event -> features -> FOP pre-training -> fine-tuning -> promote -> predict through GraphQL ->
// prediction history, with every service in its own process on a real Kafka broker and a real PostgreSQL server.
describe('the whole pipeline across service processes (Kafka, PostgreSQL)', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `e2e_${suffix}`;
  let dataDir: string;
  let store: MetadataStore;
  let engineer: KafkaEventBus;
  let system: ServiceProcesses;
  let operator = '';
  let admin = '';
  let heldOut: { name: string; content: Uint8Array };
  let datasetVersionId = '';

  beforeAll(async () => {
    const brokers = requireEnv('SER_TEST_KAFKA_BROKERS');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-e2e-'));
    const corpus = join(dataDir, 'corpora', 'demo');
    await generateDemoCorpus({ outDir: corpus, speakers: 4, utterancesPerEmotion: 3, useEspeak: false });
    // A clip from a voice the corpus does not have: another seed, so another speaker and other utterances.
    const outside = join(dataDir, 'held-out');
    mkdirSync(outside);
    await generateDemoCorpus({ outDir: outside, speakers: 1, utterancesPerEmotion: 1, useEspeak: false, seed: 99 });
    const wav = findWav(outside);
    heldOut = { name: 'held-out.wav', content: readFileSync(wav) };

    store = await openMetadataStore({ kind: 'postgres', url: requireEnv('SER_TEST_DATABASE_URL'), schema });
    operator = (await store.apiTokens.create({ name: 'e2e-operator', role: 'operator' })).token;
    admin = (await store.apiTokens.create({ name: 'e2e-admin', role: 'admin' })).token;
    const topicPrefix = `e${suffix}.`;
    engineer = await KafkaEventBus.fromConfig({
      brokers: brokers.split(','),
      clientId: 'e2e-data-engineer',
      topicPrefix,
      logger: createLogger('e2e', { level: 'warn' }),
    });
    system = await startServiceProcesses({ dataDir, schema, topicPrefix });
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
    await engineer?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  const waitForRun = async (id: string, token: string) => {
    let run: { status: string; error: string | null; outputCheckpointId: string | null } | undefined;
    await expect
      .poll(
        async () => {
          const res = await gql<{ run: typeof run }>(system.gatewayUrl, `query ($id: ID!) { run(id: $id) { ${RUN_FIELDS} } }`, { id }, token);
          run = res.data?.run ?? undefined;
          return run?.status;
        },
        { timeout: 480_000, interval: 1000 },
      )
      .toMatch(/SUCCEEDED|FAILED|CANCELLED/);
    expect(run!.error ?? '', system.output()).toBe('');
    expect(run!.status).toBe('SUCCEEDED');
    return run!;
  };

  it('takes a published corpus to a promoted model whose predictions are kept', async () => {
    await engineer.publish(
      TOPICS.corpusPublished,
      { corpusName: 'demo', format: 'manifest', uri: join(dataDir, 'corpora', 'demo'), requestedBy: 'e2e' },
      { key: 'demo' },
    );
    await expect
      .poll(
        async () => {
          const res = await gql<{ dataset: { latestVersion: { id: string; utteranceCount: number } | null } | null }>(
            system.gatewayUrl,
            '{ dataset(name: "demo") { latestVersion { id utteranceCount } } }',
          );
          datasetVersionId = res.data?.dataset?.latestVersion?.id ?? '';
          return res.data?.dataset?.latestVersion?.utteranceCount;
        },
        { timeout: 300_000, interval: 1000 },
      )
      .toBe(4 * 4 * 3);

    const pretrain = await gql<{ startPretrainRun: { id: string } }>(
      system.gatewayUrl,
      `mutation ($input: StartPretrainRunInput!) { startPretrainRun(input: $input) { ${RUN_FIELDS} } }`,
      { input: { kind: 'FOP', datasetVersionIds: [datasetVersionId], config: PRETRAIN, displayName: 'e2e pre-training' } },
      operator,
    );
    expect(pretrain.errors).toBeUndefined();
    const pretrained = await waitForRun(pretrain.data!.startPretrainRun.id, operator);
    expect(pretrained.outputCheckpointId).toBeTruthy();

    const fineTune = await gql<{ startClassifierRun: { id: string } }>(
      system.gatewayUrl,
      `mutation ($input: StartClassifierRunInput!) { startClassifierRun(input: $input) { ${RUN_FIELDS} } }`,
      { input: { datasetVersionIds: [datasetVersionId], config: FINE_TUNE, checkpointId: pretrained.outputCheckpointId, modelName: MODEL } },
      operator,
    );
    expect(fineTune.errors).toBeUndefined();
    const runId = fineTune.data!.startClassifierRun.id;
    await waitForRun(runId, operator);
    const trained = await gql<{
      run: { modelVersion: { modelName: string; version: number; lineage: Record<string, unknown> }; evaluation: { labels: string[] } };
    }>(system.gatewayUrl, 'query ($id: ID!) { run(id: $id) { modelVersion { modelName version lineage } evaluation { labels } } }', { id: runId });
    expect(trained.errors).toBeUndefined();
    const { modelVersion, evaluation } = trained.data!.run;
    expect(modelVersion.modelName).toBe(MODEL);
    expect(evaluation.labels).toEqual(['angry', 'happy', 'neutral', 'sad']);

    // Promoting needs an admin; an operator is refused.
    const promote = 'mutation ($v: Int!) { promoteModel(name: "e2e-emotion", version: $v, alias: "production") { version aliases } }';
    const refused = await gql(system.gatewayUrl, promote, { v: modelVersion.version }, operator);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const promoted = await gql<{ promoteModel: { version: number; aliases: string[] } }>(system.gatewayUrl, promote, { v: modelVersion.version }, admin);
    expect(promoted.errors).toBeUndefined();
    expect(promoted.data!.promoteModel.aliases).toContain('production');

    const predicted = await gqlUpload<{
      predict: {
        predictionId: string;
        label: string;
        probabilities: Array<{ label: string; probability: number }>;
        modelName: string;
        modelVersion: { version: number };
      };
    }>(
      system.gatewayUrl,
      'mutation ($input: PredictInput!) { predict(input: $input) { predictionId label probabilities { label probability } modelName modelVersion { version } } }',
      { input: { audio: null, model: { name: MODEL } } },
      { path: 'variables.input.audio', ...heldOut },
      operator,
    );
    expect(predicted.errors, system.output()).toBeUndefined();
    const prediction = predicted.data!.predict;
    expect(prediction).toMatchObject({ modelName: MODEL, modelVersion: { version: modelVersion.version } });
    expect(evaluation.labels).toContain(prediction.label);
    expect(prediction.probabilities.map((p) => p.label).sort()).toEqual(evaluation.labels);
    expect(prediction.probabilities.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 4);
    const best = prediction.probabilities.reduce((a, b) => (b.probability > a.probability ? b : a));
    expect(best.label).toBe(prediction.label);

    const history = await gql<{ predictions: { edges: Array<{ node: { id: string; label: string; modelVersion: { version: number } } }> } }>(
      system.gatewayUrl,
      '{ predictions(filter: { modelName: "e2e-emotion" }) { edges { node { id label modelVersion { version } } } } }',
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.predictions.edges.map((e) => e.node)).toContainEqual({
      id: prediction.predictionId,
      label: prediction.label,
      modelVersion: { version: modelVersion.version },
    });
  }, 1_200_000);

  it('serves a real GraphQL client over graphql-ws: run progress and alias moves as subscriptions', async () => {
    const client: Client = createClient({
      url: system.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
      lazy: true,
    });
    try {
      // A query and a mutation over the same socket the subscriptions use.
      const versions = await client
        .iterate<{ model: { versions: { edges: Array<{ node: { version: number } }> } } }>({
          query: '{ model(name: "e2e-emotion") { versions { edges { node { version } } } } }',
        })
        .next();
      const version = versions.value!.data!.model.versions.edges[0]!.node.version;

      const started = await client
        .iterate<{ startClassifierRun: { id: string } }>({
          query: 'mutation ($input: StartClassifierRunInput!) { startClassifierRun(input: $input) { id } }',
          variables: { input: { datasetVersionIds: [datasetVersionId], config: FINE_TUNE } },
        })
        .next();
      const runId = started.value!.data!.startClassifierRun.id;
      const statuses: string[] = [];
      const progress: number[] = [];
      for await (const event of client.iterate<{ runProgress: { runId: string; status: string; progress: number } }>({
        query: 'subscription ($id: ID!) { runProgress(runId: $id) { runId status progress } }',
        variables: { id: runId },
      })) {
        expect(event.errors).toBeUndefined();
        statuses.push(event.data!.runProgress.status);
        progress.push(event.data!.runProgress.progress);
        if (/SUCCEEDED|FAILED|CANCELLED/.test(event.data!.runProgress.status)) break;
      }
      expect(statuses.at(-1)).toBe('SUCCEEDED');
      expect(statuses).toContain('RUNNING');
      expect(progress.at(-1)).toBe(1);

      const moves = client.iterate<{ modelAliasMoved: { modelName: string; alias: string; version: number } }>({
        query: 'subscription { modelAliasMoved(modelName: "e2e-emotion") { modelName alias version } }',
      });
      const firstMove = moves.next();
      // The subscription is registered on the server before the move: promote until an event arrives.
      let moved: Awaited<typeof firstMove> | undefined;
      for (let attempt = 0; attempt < 20 && !moved; attempt++) {
        const promoted = await client
          .iterate({ query: `mutation { promoteModel(name: "e2e-emotion", version: ${version}, alias: "staging") { version } }` })
          .next();
        expect(promoted.value!.errors).toBeUndefined();
        moved = await Promise.race([firstMove, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000))]);
      }
      expect(moved!.value!.data!.modelAliasMoved).toEqual({ modelName: MODEL, alias: 'staging', version });
      await moves.return?.();
    } finally {
      await client.dispose();
    }
  }, 900_000);
});

function findWav(dir: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.wav')) return join(entry.parentPath, entry.name);
  }
  throw new Error(`no WAV under ${dir}`);
}
