import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { parse as parseYaml } from 'yaml';
import { loadPlatformConfig } from '@ser/config';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { postGraphql, startSpecGateway, type SpecGateway } from './spec-gateway';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const PRODUCTION_VALUES = new URL('../../../deploy/helm/ser/values-production.yaml', import.meta.url);

/** The first error of a query sent over graphql-ws. */
async function wsError(url: string, query: string): Promise<GraphQLFormattedError | undefined> {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    for await (const result of client.iterate({ query })) return result.errors?.[0];
  } catch (errors) {
    return (errors as GraphQLFormattedError[])[0];
  } finally {
    await client.dispose();
  }
  return undefined;
}

describe('introspection', () => {
  let store: MetadataStore;
  let open: SpecGateway;
  let closed: SpecGateway;

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    open = await startSpecGateway({ store });
    closed = await startSpecGateway({ store, introspection: false });
  });
  afterAll(async () => {
    await open?.stop();
    await closed?.stop();
    await store?.close();
  });

  it('answers introspection by default (the embedded setup)', async () => {
    expect((await postGraphql(open.gateway.url, { query: INTROSPECTION })).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses introspection over HTTP and graphql-ws when off, and still answers other queries', async () => {
    const res = await postGraphql(closed.gateway.url, { query: INTROSPECTION });
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.data).toBeUndefined();
    const overWs = await wsError(closed.gateway.url, INTROSPECTION);
    expect(overWs?.message).toMatch(/introspection/i);
    expect(overWs?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await postGraphql(closed.gateway.url, { query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
  });

  it("turns introspection and anonymous reads off with the chart's production values, whose probe still passes", async () => {
    const values = parseYaml(readFileSync(PRODUCTION_VALUES, 'utf8')) as {
      services: { gateway: { env: Record<string, string>; probe: { type: string; path: string } } };
    };
    const { env, probe } = values.services.gateway;
    const config = loadPlatformConfig({ env });
    expect(config.gateway).toMatchObject({ introspection: false, anonymousRead: false });
    const prod = await startSpecGateway({ store, introspection: config.gateway.introspection, anonymousRead: config.gateway.anonymousRead });
    try {
      const anonymous = await postGraphql(prod.gateway.url, { query: '{ __typename }' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await postGraphql(prod.gateway.url, { query: INTROSPECTION })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const viewer = (await store.apiTokens.create({ name: 'spec-viewer', role: 'viewer' })).token;
      expect((await postGraphql(prod.gateway.url, { query: INTROSPECTION }, { token: viewer })).errors?.[0]?.extensions?.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(probe.type).toBe('http');
      expect((await fetch(`${prod.origin}${probe.path}`)).status).toBe(200);
    } finally {
      await prod.stop();
    }
  });
});
