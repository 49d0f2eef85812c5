import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TOPICS } from '@ser/events';
import { toGlobalId } from '@ser/gateway';
import { startTestGateway, type TestGateway } from './harness';

const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

describe('subscriptions over graphql-ws', () => {
  let t: TestGateway;
  let closed: TestGateway;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestGateway();
    closed = await startTestGateway({ anonymousRead: false });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });
  afterAll(async () => {
    await t?.stop();
    await closed?.stop();
  });

  const connect = (gw: TestGateway, token?: string) => {
    const client = createClient({
      url: wsUrl(gw.gateway.url),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    clients.push(client);
    return client;
  };

  it('streams a run: its current state, then bus events until it finishes', async () => {
    const run = await t.store.runs.create({ kind: 'classifier' });
    const events = connect(t).iterate<{ runProgress: { runId: string; kind: string; status: string; progress: number; message: string | null } }>({
      query: `subscription($id: ID!) { runProgress(runId: $id) { runId kind status progress message } }`,
      variables: { id: run.id },
    });
    const first = await events.next();
    // Asked with the bare store id, it names the run by its global id, as Run.id does.
    const runId = toGlobalId('Run', run.id);
    expect(first.value?.data?.runProgress).toEqual({ runId, kind: 'CLASSIFIER', status: 'QUEUED', progress: 0, message: null });
    // The snapshot is sent after the listener is in place, so events published now are seen.
    await t.bus.publish(TOPICS.runStatus, { runId: 'another-run', runKind: 'classifier', status: 'running', progress: 0.9 });
    await t.bus.publish(TOPICS.runStatus, { runId: run.id, runKind: 'classifier', status: 'running', progress: 0.5, message: 'epoch 1/2' });
    await t.bus.publish(TOPICS.runStatus, { runId: run.id, runKind: 'classifier', status: 'succeeded', progress: 1 });
    const received = [];
    for await (const e of events) received.push(e.data?.runProgress);
    expect(received).toEqual([
      { runId, kind: 'CLASSIFIER', status: 'RUNNING', progress: 0.5, message: 'epoch 1/2' },
      { runId, kind: 'CLASSIFIER', status: 'SUCCEEDED', progress: 1, message: null },
    ]);
  });

  it('delivers model alias moves of the watched model', async () => {
    const events = connect(t, t.tokens.viewer).iterate<{
      modelAliasMoved: { modelName: string; alias: string; version: number; previousVersion: number | null };
    }>({
      query: 'subscription { modelAliasMoved(modelName: "ser") { modelName alias version previousVersion } }',
    });
    const next = events.next();
    // No acknowledgement tells the client when the server's listener is live: publish until one arrives.
    let got: Awaited<typeof next> | undefined;
    void next.then((r) => (got = r));
    for (let version = 2; !got && version < 200; version++) {
      await t.bus.publish(TOPICS.modelAliasMoved, { modelName: 'other', alias: 'production', version: 1 });
      await t.bus.publish(TOPICS.modelAliasMoved, { modelName: 'ser', alias: 'production', version, previousVersion: 1 });
      await new Promise((r) => setTimeout(r, 50));
    }
    const value = (await next).value?.data?.modelAliasMoved;
    expect(value).toMatchObject({ modelName: 'ser', alias: 'production', previousVersion: 1 });
    await events.return?.();
  });

  it('answers an unknown run with NOT_FOUND', async () => {
    const events = connect(t).iterate({ query: 'subscription { runProgress(runId: "nope") { status } }' });
    const first = await events.next();
    expect(first.value?.errors?.[0]).toMatchObject({ message: 'run nope not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('closes an unauthenticated connection when anonymous reads are off, and admits a viewer', async () => {
    const refused = connect(closed).iterate({ query: 'subscription { modelAliasMoved { alias } }' });
    await expect(refused.next()).rejects.toMatchObject({ code: 4401 });
    const run = await closed.store.runs.create({ kind: 'fop-pretrain' });
    const admitted = connect(closed, closed.tokens.viewer).iterate<{ runProgress: { status: string } }>({
      query: `subscription($id: ID!) { runProgress(runId: $id) { status } }`,
      variables: { id: run.id },
    });
    expect((await admitted.next()).value?.data?.runProgress.status).toBe('QUEUED');
    await admitted.return?.();
  });
});
