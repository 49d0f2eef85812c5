import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId } from '@ser/gateway';
import { gql } from './client';
import { startTestGateway, type TestGateway } from './harness';

// node(id:) across every Node type; models are read through the model registry the harness starts beside the gateway.
const postGraphql = (url: string, body: { query: string; variables?: Record<string, unknown> }) => gql(url, body.query, body.variables);

describe('node(id:)', () => {
  let t: TestGateway;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestGateway();
    const { version } = await t.store.datasets.registerVersion({ datasetName: 'demo', version: 'v1', format: 'urdu', sourceUri: '/d', utteranceCount: 1 });
    const run = await t.store.runs.create({ kind: 'classifier', lineage: { datasetVersionIds: [version.id] } });
    const modelVersion = await t.store.models.createVersion({ modelName: 'ser', artifactKey: 'a/1', runId: run.id, metrics: {} });
    const prediction = await t.store.predictions.record({
      modelVersionId: modelVersion.id,
      inputHash: 'h',
      label: 'sad',
      probabilities: { sad: 1 },
      latencyMs: 1,
      source: 'unary',
    });
    Object.assign(ids, { Dataset: 'demo', DatasetVersion: version.id, Run: run.id, Model: 'ser', ModelVersion: modelVersion.id, Prediction: prediction.id });
  });
  afterAll(async () => t?.stop());

  const NODE = `query($id: ID!) { node(id: $id) { __typename id
    ... on Dataset { name } ... on DatasetVersion { datasetVersion: version } ... on Run { kind lineage { datasetVersions { id } } }
    ... on Model { name } ... on ModelVersion { version run { id } } ... on Prediction { label modelVersion { id } } } }`;

  it('fetches every Node type by the id its own id field gives', async () => {
    const lists = await postGraphql(t.gateway.url, {
      query: `{ datasets { edges { node { id latestVersion { id } } } } runs { edges { node { id } } } models { edges { node { id versions { edges { node { id } } } } } }
        predictions { edges { node { id } } } }`,
    });
    expect(lists.errors).toBeUndefined();
    const d = lists.data as Record<string, { edges: Array<{ node: Record<string, unknown> }> }>;
    const model = d.models!.edges[0]!.node as { id: string; versions: { edges: Array<{ node: { id: string } }> } };
    const listed: Record<string, string> = {
      Dataset: d.datasets!.edges[0]!.node.id as string,
      DatasetVersion: (d.datasets!.edges[0]!.node.latestVersion as { id: string }).id,
      Run: d.runs!.edges[0]!.node.id as string,
      Model: model.id,
      ModelVersion: model.versions.edges[0]!.node.id,
      Prediction: d.predictions!.edges[0]!.node.id as string,
    };
    for (const [type, id] of Object.entries(listed)) {
      expect(parseGlobalId(id)).toEqual({ type, id: ids[type] });
      const res = await postGraphql(t.gateway.url, { query: NODE, variables: { id } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toMatchObject({ __typename: type, id });
    }
    const run = await postGraphql(t.gateway.url, { query: NODE, variables: { id: listed.Run } });
    expect(run.data!.node).toMatchObject({ kind: 'CLASSIFIER', lineage: { datasetVersions: [{ id: listed.DatasetVersion }] } });
    const prediction = await postGraphql(t.gateway.url, { query: NODE, variables: { id: listed.Prediction } });
    expect(prediction.data!.node).toMatchObject({ label: 'sad', modelVersion: { id: listed.ModelVersion } });
  });

  it('answers null for a global id of nothing, and BAD_USER_INPUT for a string that is no global id', async () => {
    expect((await postGraphql(t.gateway.url, { query: NODE, variables: { id: toGlobalId('Run', 'gone') } })).data).toEqual({ node: null });
    expect((await postGraphql(t.gateway.url, { query: NODE, variables: { id: ids.Run } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets arguments take the global id or the bare store id, and refuses a global id of another type', async () => {
    const q = 'query($id: ID!) { run(id: $id) { id } }';
    const global = toGlobalId('Run', ids.Run!);
    expect((await postGraphql(t.gateway.url, { query: q, variables: { id: global } })).data).toEqual({ run: { id: global } });
    expect((await postGraphql(t.gateway.url, { query: q, variables: { id: ids.Run } })).data).toEqual({ run: { id: global } });
    const wrong = await postGraphql(t.gateway.url, { query: q, variables: { id: toGlobalId('ModelVersion', ids.ModelVersion!) } });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const filtered = await postGraphql(t.gateway.url, {
      query: 'query($v: ID) { predictions(filter: { modelVersionId: $v }) { totalCount } }',
      variables: { v: toGlobalId('ModelVersion', ids.ModelVersion!) },
    });
    expect(filtered.data).toEqual({ predictions: { totalCount: 1 } });
  });
});
