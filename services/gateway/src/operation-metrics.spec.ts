import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TOPICS } from '@ser/events';
import { postGraphql, startSpecGateway, type SpecGateway } from './spec-gateway';

/** The value of one sample line of /metrics, by metric name and exact labels; 0 when absent. */
async function sample(t: SpecGateway, metric: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${t.origin}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    const have = match[2]!.split(',');
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length + (metric.endsWith('_bucket') ? 1 : 0)) return Number(match[3]);
  }
  return 0;
}

// Per-operation GraphQL metrics on the gateway's /metrics: a counter and a duration histogram by operation name,
// type and outcome, for HTTP requests and graphql-ws operations alike.
describe('GraphQL operation metrics', () => {
  let t: SpecGateway;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startSpecGateway();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts and times a named query that succeeds', async () => {
    for (let i = 0; i < 2; i++) expect((await postGraphql(t.gateway.url, { query: 'query SpecTypename { __typename }' })).errors).toBeUndefined();
    const labels = { operation_name: 'SpecTypename', operation_type: 'query', outcome: 'success' };
    expect(await sample(t, 'graphql_operations_total', labels)).toBe(2);
    expect(await sample(t, 'graphql_operation_duration_seconds_count', labels)).toBe(2);
  });

  it('counts a refused operation as an error, and one that never resolves as type unknown', async () => {
    await postGraphql(t.gateway.url, { query: 'mutation SpecPromote { promoteModel(name: "m", version: 1, alias: "a") { id } }' });
    expect(await sample(t, 'graphql_operations_total', { operation_name: 'SpecPromote', operation_type: 'mutation', outcome: 'error' })).toBe(1);
    await postGraphql(t.gateway.url, { query: 'query SpecInvalid { nope }', operationName: 'SpecInvalid' });
    expect(await sample(t, 'graphql_operations_total', { operation_name: 'SpecInvalid', operation_type: 'unknown', outcome: 'error' })).toBe(1);
  });

  it('counts a subscription when it completes', async () => {
    const run = await t.store.runs.create({ kind: 'classifier' });
    const client = createClient({ url: t.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    const events = client.iterate({ query: 'subscription SpecRun($id: ID!) { runProgress(runId: $id) { status } }', variables: { id: run.id } });
    await events.next();
    await t.bus.publish(TOPICS.runStatus, { runId: run.id, runKind: 'classifier', status: 'succeeded', progress: 1 });
    for await (const _ of events) {
      // drain until the server completes the subscription
    }
    const labels = { operation_name: 'SpecRun', operation_type: 'subscription', outcome: 'success' };
    await expect.poll(() => sample(t, 'graphql_operations_total', labels)).toBe(1);
  });
});
