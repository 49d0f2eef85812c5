import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '@ser/gateway';
import { gql } from './client';
import { startTestGateway, type TestGateway } from './harness';

// Reads of every domain against a real store, plus the depth and cost limits and error codes.
describe('gateway queries', () => {
  let t: TestGateway;
  let versionId: string;
  let pretrainId: string;
  let classifierId: string;
  let modelVersionIds: string[];

  beforeAll(async () => {
    t = await startTestGateway({ limits: { maxDepth: 8, maxCost: 3000 } });
    const { version } = await t.store.datasets.registerVersion({
      datasetName: 'demo',
      version: 'v1',
      format: 'manifest',
      sourceUri: '/data/demo',
      utteranceCount: 2,
      classCounts: { sad: 1, angry: 1 },
      speakerCounts: { s1: 2 },
      ingestionReport: { filesSeen: 3, utterancesIngested: 2, skipped: [{ path: 'bad.wav', reason: 'not audio' }], elapsedMs: 12.5 },
    });
    versionId = version.id;
    const pretrain = await t.store.runs.create({ kind: 'fop-pretrain', config: { epochs: 2 }, lineage: { datasetVersionIds: [versionId] } });
    pretrainId = pretrain.id;
    await t.store.runs.appendMetrics(pretrainId, [
      { name: 'loss', epoch: 1, value: 0.9 },
      { name: 'loss', epoch: 2, value: 0.5 },
      { name: 'val_loss', epoch: 1, value: 1.1 },
    ]);
    await t.store.runs.update(pretrainId, { status: 'succeeded', progress: 1, metrics: { loss: 0.5 } });
    const classifier = await t.store.runs.create({ kind: 'classifier', lineage: { datasetVersionIds: [versionId], runId: pretrainId, checkpointId: 'ck-1' } });
    classifierId = classifier.id;
    const v1 = await t.store.models.createVersion({ modelName: 'ser', artifactKey: 'a/1', runId: classifierId, metrics: { ua: 0.6 } });
    const v2 = await t.store.models.createVersion({ modelName: 'ser', artifactKey: 'a/2', metrics: { ua: 0.7 } });
    modelVersionIds = [v1.id, v2.id];
    await t.store.models.setAlias('ser', 'production', 1);
    for (const [label, p] of [
      ['sad', 0.8],
      ['angry', 0.9],
      ['sad', 0.6],
    ] as const) {
      const other = label === 'sad' ? 'angry' : 'sad';
      await t.store.predictions.record({
        modelVersionId: v1.id,
        inputHash: `h-${label}-${p}`,
        label,
        probabilities: { [label]: p, [other]: 1 - p },
        latencyMs: 3,
        source: 'unary',
      });
    }
  });
  afterAll(async () => t?.stop());

  it('shows a dataset version with its counts and ingestion report', async () => {
    const res = await gql<{ datasetVersion: Record<string, unknown> }>(
      t.gateway.url,
      `query($id: ID!) { datasetVersion(id: $id) {
      name format utteranceCount classCounts { key count } speakerCounts { key count }
      ingestionReport { filesSeen utterancesIngested elapsedMs skipped { path reason } } } }`,
      { id: versionId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.datasetVersion).toEqual({
      name: 'demo',
      format: 'MANIFEST',
      utteranceCount: 2,
      classCounts: [
        { key: 'angry', count: 1 },
        { key: 'sad', count: 1 },
      ],
      speakerCounts: [{ key: 's1', count: 2 }],
      ingestionReport: { filesSeen: 3, utterancesIngested: 2, elapsedMs: 12.5, skipped: [{ path: 'bad.wav', reason: 'not audio' }] },
    });
  });

  it('lists runs of every kind with status, curves and lineage, and filters them', async () => {
    const res = await gql<{ runs: { totalCount: number; edges: Array<{ node: { id: string; kind: string } }> }; run: Record<string, unknown> }>(
      t.gateway.url,
      `query($id: ID!) { runs { totalCount edges { node { id kind } } }
        run(id: $id) { kind status progress config metrics curves { name points { epoch value } }
          lineage { datasetVersions { id } parentRun { id kind } checkpointId } } }`,
      { id: pretrainId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.runs.totalCount).toBe(2);
    expect(res.data!.runs.edges.map((e) => e.node.kind)).toEqual(['CLASSIFIER', 'FOP_PRETRAIN']); // newest first
    expect(res.data!.run).toEqual({
      kind: 'FOP_PRETRAIN',
      status: 'SUCCEEDED',
      progress: 1,
      config: { epochs: 2 },
      metrics: { loss: 0.5 },
      curves: [
        {
          name: 'loss',
          points: [
            { epoch: 1, value: 0.9 },
            { epoch: 2, value: 0.5 },
          ],
        },
        { name: 'val_loss', points: [{ epoch: 1, value: 1.1 }] },
      ],
      lineage: { datasetVersions: [{ id: toGlobalId('DatasetVersion', versionId) }], parentRun: null, checkpointId: null },
    });
    const child = await gql<{ run: { lineage: { parentRun: { id: string }; checkpointId: string }; modelVersion: { version: number } } }>(
      t.gateway.url,
      `query($id: ID!) { run(id: $id) { lineage { parentRun { id } checkpointId } modelVersion { version } } }`,
      { id: classifierId },
    );
    expect(child.data!.run).toEqual({ lineage: { parentRun: { id: toGlobalId('Run', pretrainId) }, checkpointId: 'ck-1' }, modelVersion: { version: 1 } });
    const filtered = await gql<{ runs: { edges: Array<{ node: { id: string } }> } }>(
      t.gateway.url,
      '{ runs(kind: CLASSIFIER, status: [QUEUED]) { edges { node { id } } } }',
    );
    expect(filtered.data!.runs.edges.map((e) => e.node.id)).toEqual([toGlobalId('Run', classifierId)]);
  });

  it('shows models with versions and aliases', async () => {
    const res = await gql<{ model: Record<string, unknown> }>(
      t.gateway.url,
      `{ model(name: "ser") { name latestVersion versionCount
      versions { edges { node { version aliases run { id } } } } aliases { alias version { version } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.model).toEqual({
      name: 'ser',
      latestVersion: 2,
      versionCount: 2,
      versions: {
        edges: [
          { node: { version: 2, aliases: [], run: null } },
          { node: { version: 1, aliases: ['production'], run: { id: toGlobalId('Run', classifierId) } } },
        ],
      },
      aliases: [{ alias: 'production', version: { version: 1 } }],
    });
  });

  it('pages models as a connection, with a complete PageInfo like every connection', async () => {
    await t.store.models.createVersion({ modelName: 'alt', artifactKey: 'b/1', metrics: {} });
    type Conn = {
      models: { totalCount: number; pageInfo: Record<string, unknown>; edges: Array<{ cursor: string; node: { name: string; latestVersion: number } }> };
    };
    const q = `query($after: String) { models(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name latestVersion } } } }`;
    const first = await gql<Conn>(t.gateway.url, q);
    expect(first.errors).toBeUndefined();
    const [alt] = first.data!.models.edges;
    expect(first.data!.models).toEqual({
      totalCount: 2,
      edges: [{ cursor: alt!.cursor, node: { name: 'alt', latestVersion: 1 } }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: alt!.cursor, endCursor: alt!.cursor },
    });
    const second = await gql<Conn>(t.gateway.url, q, { after: alt!.cursor });
    const [ser] = second.data!.models.edges;
    expect(ser!.node).toEqual({ name: 'ser', latestVersion: 2 });
    expect(second.data!.models.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: ser!.cursor, endCursor: ser!.cursor });
    const past = await gql<Conn>(t.gateway.url, q, { after: ser!.cursor });
    expect(past.data!.models).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
    // A cursor of another listing, or none at all, is the client's mistake.
    const runs = await gql<{ runs: { pageInfo: Record<string, unknown>; edges: Array<{ cursor: string }> } }>(
      t.gateway.url,
      '{ runs(first: 1) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }',
    );
    const runCursor = runs.data!.runs.edges[0]!.cursor;
    expect(runs.data!.runs.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: runCursor, endCursor: runCursor });
    for (const after of [runCursor, 'garbage']) expect((await gql(t.gateway.url, q, { after })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages prediction history with filters as a Relay connection', async () => {
    type Conn = {
      predictions: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { label: string; modelVersion: { id: string }; probabilities: Array<{ label: string; probability: number }> } }>;
      };
    };
    const q = `query($f: PredictionFilter, $after: String) { predictions(filter: $f, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { label modelVersion { id } probabilities { label probability } } } } }`;
    const first = await gql<Conn>(t.gateway.url, q, { f: { label: 'sad', modelName: 'ser' } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.predictions.totalCount).toBe(2);
    expect(first.data!.predictions.edges[0]!.node).toEqual({
      label: 'sad',
      modelVersion: { id: toGlobalId('ModelVersion', modelVersionIds[0]!) },
      probabilities: [
        { label: 'sad', probability: 0.6 },
        { label: 'angry', probability: 0.4 },
      ],
    });
    const second = await gql<Conn>(t.gateway.url, q, { f: { label: 'sad', modelName: 'ser' }, after: first.data!.predictions.pageInfo.endCursor });
    expect(second.data!.predictions.edges.map((e) => e.node.probabilities[0]!.probability)).toEqual([0.8]);
    expect(second.data!.predictions.pageInfo.hasNextPage).toBe(false);
    const future = await gql<Conn>(t.gateway.url, q, { f: { since: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.data!.predictions.totalCount).toBe(0);
    expect((await gql(t.gateway.url, q, { f: { since: 'yesterday' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Times are DateTime: validated ISO 8601 in (a literal too), UTC ISO 8601 out.
    expect((await gql(t.gateway.url, '{ predictions(filter: { since: "2025-02-30T00:00:00Z" }) { totalCount } }')).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const stored = (await t.store.predictions.list({}, { first: 1 })).edges[0]!.node;
    const times = await gql<{ predictions: { edges: Array<{ node: { createdAt: string; source: string } }> } }>(
      t.gateway.url,
      '{ predictions(first: 1) { edges { node { createdAt source } } } }',
    );
    expect(times.data!.predictions.edges[0]!.node).toEqual({ createdAt: stored.createdAt.toISOString(), source: 'UNARY' });
  });

  it('reports the health of each service under its PlatformService value', async () => {
    const res = await gql<{ health: Array<{ service: string; status: string }> }>(t.gateway.url, '{ health { service status } }');
    expect(res.errors).toBeUndefined();
    // Nothing listens at the harness's other addresses: those backends are unreachable; the model registry the
    // harness starts (the gateway reads models through it) serves, and the gateway answers.
    expect(res.data!.health).toEqual([
      ...['FEATURES', 'FOP_PRETRAINER', 'VQVAE_PRETRAINER', 'CLASSIFIER_TRAINER', 'INFERENCE'].map((service) => ({ service, status: 'UNREACHABLE' })),
      { service: 'MODEL_REGISTRY', status: 'SERVING' },
      { service: 'GATEWAY', status: 'SERVING' },
    ]);
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    const deep = `query($id: ID!) { run(id: $id) { lineage { parentRun { lineage { parentRun { lineage { parentRun { lineage { parentRun { id } } } } } } } } } }`;
    const res = await gql(t.gateway.url, deep, { id: classifierId });
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/^query depth \d+ exceeds the limit of 8$/);
    expect(res.data).toBeUndefined();
    const shallow = await gql(t.gateway.url, `query($id: ID!) { run(id: $id) { lineage { parentRun { id } } } }`, { id: classifierId });
    expect(shallow.errors).toBeUndefined();
  });

  it('refuses a query whose nested pages cost more than the limit', async () => {
    const costly = '{ datasets(first: 100) { edges { node { versions(first: 100) { edges { node { id } } } } } } }';
    const res = await gql(t.gateway.url, costly);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(res.data).toBeUndefined();
    const cheap = await gql(t.gateway.url, '{ datasets(first: 5) { edges { node { versions(first: 5) { edges { node { id } } } } } } }');
    expect(cheap.errors).toBeUndefined();
  });

  it('maps errors to extensions.code', async () => {
    expect((await gql(t.gateway.url, '{ runs(first: 1000) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(t.gateway.url, '{ runs(after: "garbage") { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(t.gateway.url, '{ nope }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // The classifier trainer is unreachable in this setup: cancelling a run a trainer claimed goes to it, and gRPC
    // UNAVAILABLE reaches the client as SERVICE_UNAVAILABLE. (Starting a run or cancelling a queued one needs no
    // trainer: the gateway queues it, services/gateway/src/resolvers/runs.spec.ts, and withdraws it.)
    const claimed = await t.store.runs.create({ kind: 'classifier' });
    await t.store.runs.claim(claimed.id, 'classifier-trainer-0');
    const cancel = await gql(t.gateway.url, `mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: toGlobalId('Run', claimed.id) }, t.tokens.operator);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await t.store.runs.get(claimed.id))!.status).toBe('running');
    const queued = await t.store.runs.create({ kind: 'classifier' });
    const withdrawn = await gql(t.gateway.url, `mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id: toGlobalId('Run', queued.id) }, t.tokens.operator);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data).toEqual({ cancelRun: { status: 'CANCELLED' } });
  });
});
