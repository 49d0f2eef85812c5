import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { buildExecutableSchema } from './executable-schema';
import { parse } from './graphql-runtime';
import { checkQueryCost, ROOT_FIELD_COST } from './limits';
import { resolvers } from './resolvers';
import { postGraphql, startSpecGateway, type SpecGateway } from './spec-gateway';

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const costOf = (query: string) => checkQueryCost(buildExecutableSchema(resolvers), parse(query), undefined, undefined, Infinity);

/** The first error of an operation sent over graphql-ws (an `error` message rejects with the errors). */
async function wsError(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLFormattedError | undefined> {
  try {
    for await (const result of client.iterate({ query, variables })) return result.errors?.[0];
  } catch (errors) {
    return (errors as GraphQLFormattedError[])[0];
  }
  return undefined;
}

describe('cost limit', () => {
  it('charges every alias the whole field, root fields at least ROOT_FIELD_COST', () => {
    const one = costOf('{ runs(first: 1) { totalCount } }');
    expect(one).toBeGreaterThanOrEqual(ROOT_FIELD_COST);
    expect(costOf('{ a: runs(first: 1) { totalCount } b: runs(first: 1) { totalCount } }')).toBe(2 * one);
    expect(costOf(aliases(100, 'health { status }'))).toBe(100 * costOf('{ health { status } }'));
  });

  describe('over HTTP and graphql-ws', () => {
    let store: MetadataStore;
    let t: SpecGateway;
    let tight: SpecGateway;
    const clients: Client[] = [];
    const connect = (gw: SpecGateway) => {
      const client = createClient({ url: gw.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
      clients.push(client);
      return client;
    };

    beforeAll(async () => {
      store = await openMetadataStore({ kind: 'pglite' });
      t = await startSpecGateway({ store });
      // Room for one root field and a few of its fields.
      tight = await startSpecGateway({ store, limits: { maxCost: ROOT_FIELD_COST + 2 } });
    });
    afterEach(async () => {
      for (const c of clients.splice(0)) await c.dispose();
    });
    afterAll(async () => {
      await t?.stop();
      await tight?.stop();
      await store?.close();
    });

    it('refuses 2,000 aliases of health before running any', async () => {
      for (const selection of ['health { status }', 'health { __typename }']) {
        const res = await postGraphql(t.gateway.url, { query: aliases(2000, selection) });
        expect(res.status).toBe(400);
        expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
        expect(res.data).toBeUndefined();
      }
      // Past the selections the cost counter will walk, the answer is the same.
      expect((await postGraphql(t.gateway.url, { query: aliases(12_000, '__typename') })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    });

    it('refuses a subscription over the limit, and accepts a cheaper one', async () => {
      const run = await store.runs.create({ kind: 'classifier' });
      const costly = await wsError(connect(tight), 'subscription($id: ID!) { runProgress(runId: $id) { runId kind status progress message } }', { id: run.id });
      expect(costly?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect(costly?.extensions).not.toHaveProperty('http');
      const cheap = connect(tight).iterate({ query: 'subscription($id: ID!) { runProgress(runId: $id) { status } }', variables: { id: run.id } });
      expect((await cheap.next()).value).toEqual({ data: { runProgress: { status: 'QUEUED' } } });
      await cheap.return?.();
    });

    it('refuses costly queries sent over graphql-ws too', async () => {
      expect((await wsError(connect(t), aliases(2000, 'health { status }')))?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    });
  });
});
