import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { postGraphql, startSpecGateway, type SpecGateway } from './spec-gateway';
import { documentHash, loadTrustedDocuments } from './trusted-documents';

const DATASETS = 'query Datasets { datasets { totalCount } }';
const PROGRESS = 'subscription Progress($id: ID!) { runProgress(runId: $id) { status } }';

describe('trusted documents manifest', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ser-trusted-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads sha256 -> document, and refuses an entry whose id is not its hash', () => {
    const file = join(dir, 'persisted-documents.json');
    writeFileSync(file, JSON.stringify({ [documentHash(DATASETS)]: DATASETS }));
    expect([...loadTrustedDocuments(file)]).toEqual([[documentHash(DATASETS), DATASETS]]);
    // As graphql-codegen's client preset writes it (the console's src/gql/persisted-documents.json).
    writeFileSync(file, JSON.stringify({ [`sha256:${documentHash(DATASETS)}`]: DATASETS }));
    expect([...loadTrustedDocuments(file)]).toEqual([[documentHash(DATASETS), DATASETS]]);
    writeFileSync(file, JSON.stringify({ [documentHash(DATASETS)]: '{ apiTokens { totalCount } }' }));
    expect(() => loadTrustedDocuments(file)).toThrow(/is not the sha256 of its document/);
    writeFileSync(file, '[]');
    expect(() => loadTrustedDocuments(file)).toThrow(/JSON object/);
  });
});

describe('a gateway with a safelist', () => {
  let t: SpecGateway;
  const clients: Client[] = [];
  const trusted = new Map([DATASETS, PROGRESS].map((d) => [documentHash(d), d]));
  const ws = () => {
    const client = createClient({ url: t.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    return client;
  };
  const first = async (client: Client, payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> }) => {
    try {
      for await (const result of client.iterate(payload)) return result;
    } catch (errors) {
      return { errors: errors as GraphQLFormattedError[] };
    }
    return undefined;
  };

  beforeAll(async () => {
    t = await startSpecGateway({ trustedDocuments: trusted });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });
  afterAll(async () => t?.stop());

  it('runs a trusted document sent whole or named by its id, over POST and GET', async () => {
    const id = documentHash(DATASETS);
    for (const body of [
      { query: DATASETS },
      { documentId: id },
      { documentId: `sha256:${id}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: id } } },
    ]) {
      const res = await postGraphql(t.gateway.url, body as never);
      expect(res.errors, JSON.stringify(body)).toBeUndefined();
      expect(res.data).toEqual({ datasets: { totalCount: 0 } });
    }
    const get = await fetch(`${t.gateway.url}?documentId=${id}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { datasets: { totalCount: 0 } } });
  });

  it('refuses any other document, and an unknown id, before running it', async () => {
    const other = await postGraphql(t.gateway.url, { query: '{ datasets { totalCount } }' });
    expect(other.status).toBe(400);
    expect(other.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
    expect(other.data).toBeUndefined();
    const unknown = await postGraphql(t.gateway.url, { documentId: documentHash('{ health { status } }') } as never);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const none = await postGraphql(t.gateway.url, {} as never);
    expect(none.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
    const get = await fetch(`${t.gateway.url}?query=${encodeURIComponent('{ health { status } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await get.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('QUERY_NOT_IN_SAFELIST');
  });

  it('holds over graphql-ws too: a trusted subscription by text or id runs, another is refused', async () => {
    const run = await t.store.runs.create({ kind: 'classifier' });
    const variables = { id: run.id };
    expect(await first(ws(), { query: PROGRESS, variables })).toEqual({ data: { runProgress: { status: 'QUEUED' } } });
    const byId = await first(ws(), { query: '', variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(PROGRESS) } } });
    expect(byId).toEqual({ data: { runProgress: { status: 'QUEUED' } } });
    const other = await first(ws(), { query: 'subscription($id: ID!) { runProgress(runId: $id) { status progress } }', variables });
    expect(other?.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
  });
});
