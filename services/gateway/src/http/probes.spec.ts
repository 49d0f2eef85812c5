import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto } from '@ser/contracts';
import { startGrpcServer, type RunningServer } from '@ser/grpc-kit';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { startSpecGateway, type SpecGateway } from '../spec-gateway';

// The probes need no token even where reads do, and readiness follows the gRPC backends' health.
describe('/healthz, /readyz and /metrics', () => {
  let store: MetadataStore;
  let backend: RunningServer;
  let isolated: SpecGateway;
  let connected: SpecGateway;
  let trainersAway: SpecGateway;

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    // Any grpc-kit server answers grpc.health.v1 SERVING; one stands in for every backend.
    backend = await startGrpcServer({ port: 0, services: [], packageDefinition: loadSerProto().reflectionPackageDefinition });
    const all = {
      features: backend.address,
      fopPretrainer: backend.address,
      vqvaePretrainer: backend.address,
      classifierTrainer: backend.address,
      inference: backend.address,
    };
    isolated = await startSpecGateway({ store, anonymousRead: false });
    connected = await startSpecGateway({ store, anonymousRead: false, addresses: all });
    const away = '127.0.0.1:1';
    trainersAway = await startSpecGateway({
      store,
      anonymousRead: false,
      addresses: { ...all, fopPretrainer: away, vqvaePretrainer: away, classifierTrainer: away },
    });
  });
  afterAll(async () => {
    await isolated?.stop();
    await connected?.stop();
    await trainersAway?.stop();
    await backend?.shutdown(0);
    await store?.close();
  });

  it('answers /healthz with 200 without a token, while GraphQL reads need one', async () => {
    const res = await fetch(`${isolated.origin}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    const read = await fetch(isolated.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(read.status).toBe(401);
  });

  it('answers /readyz with 503 naming the backends that do not answer, and 200 once they all serve', async () => {
    const down = await fetch(`${isolated.origin}/readyz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; services: Record<string, string> };
    expect(body.status).toBe('not ready');
    expect(body.services).toMatchObject({ inference: 'UNREACHABLE', classifierTrainer: 'UNREACHABLE' });
    const up = await fetch(`${connected.origin}/readyz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ready', services: { features: 'SERVING', inference: 'SERVING' } });
    // A trainer that is down (scaled to zero, no GPU node yet) is listed but keeps no gateway out of its Service.
    const trainersDown = await fetch(`${trainersAway.origin}/readyz`);
    expect(trainersDown.status).toBe(200);
    expect(await trainersDown.json()).toMatchObject({ status: 'ready', services: { inference: 'SERVING', classifierTrainer: 'UNREACHABLE' } });
  });

  it('serves Prometheus text at /metrics without a token', async () => {
    const res = await fetch(`${isolated.origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^# HELP graphql_operations_total /m);
    expect(text).toMatch(/^# TYPE graphql_operation_duration_seconds histogram$/m);
  });
});
