// The probes the chart and the images declare, run against real servers: the gateway's HTTP probes (paths and
// headers as rendered by the chart, against a gateway with the chart's settings) and deploy/docker/healthcheck.mjs
// against a gRPC server and the gateway.
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig, SERVICE_NAMES, type ServiceName } from '@ser/config';
import { createGateway, type RunningGateway } from '@ser/gateway';
import { loadSerProto } from '@ser/contracts';
import { startGrpcServer, type RunningServer } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { renderChart, REPO_ROOT } from './helm';
import { deployment, type Probe } from './pod-spec';

const logger = createLogger('health-probes', { level: 'silent' });
const HEALTHCHECK = `${REPO_ROOT}deploy/docker/healthcheck.mjs`;

/** Exit code of the image's HEALTHCHECK command. */
async function healthcheck(...args: string[]): Promise<number> {
  try {
    await promisify(execFile)(process.execPath, [HEALTHCHECK, ...args], { cwd: REPO_ROOT, timeout: 20_000 });
    return 0;
  } catch (err) {
    return (err as { code?: number }).code ?? -1;
  }
}

describe('gRPC services', () => {
  it('healthcheck.mjs passes while the server serves grpc.health.v1 and fails once it stops', async () => {
    const server = await startGrpcServer({ port: 0, services: [], packageDefinition: loadSerProto().reflectionPackageDefinition, logger });
    try {
      expect(await healthcheck('grpc', String(server.port))).toBe(0);
    } finally {
      await server.shutdown();
    }
    expect(await healthcheck('grpc', String(server.port))).toBe(1);
  });
});

describe('gateway (the embedded defaults)', () => {
  let store: MetadataStore;
  let gateway: RunningGateway;

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    const serviceAddresses = Object.fromEntries(SERVICE_NAMES.map((n) => [n, '127.0.0.1:1'])) as Record<ServiceName, string>;
    gateway = await createGateway({ port: 0, store, serviceAddresses, logger });
  });
  afterAll(async () => {
    await gateway?.stop();
    await store?.close();
  });

  it("passes healthcheck.mjs http on the image's path (/healthz, token-free), and fails it on a path the gateway does not serve", async () => {
    const imageCheck = readFileSync(`${REPO_ROOT}deploy/docker/gateway.Dockerfile`, 'utf8').match(/HEALTHCHECK .*"http", "4000", "([^"]+)"\]/)?.[1];
    expect(imageCheck).toBe('/healthz');
    expect(await healthcheck('http', String(gateway.port), imageCheck!)).toBe(0);
    expect(await healthcheck('http', String(gateway.port), '/nothing-here')).toBe(1);
  });
});

describe('gateway as the chart configures it (anonymous reads and introspection off)', () => {
  const container = deployment(renderChart(), 'gateway').pod.containers[0]!;
  const chartEnv = Object.fromEntries((container.env ?? []).filter((e) => e.name.startsWith('SER_GATEWAY_')).map((e) => [e.name, e.value!]));
  const settings = loadPlatformConfig({ env: chartEnv }).gateway;
  let store: MetadataStore;
  let backend: RunningServer;
  let down: RunningGateway;
  let up: RunningGateway;

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    const start = (address: string) =>
      createGateway({
        port: 0,
        store,
        serviceAddresses: Object.fromEntries(SERVICE_NAMES.map((n) => [n, address])) as Record<ServiceName, string>,
        anonymousRead: settings.anonymousRead,
        introspection: settings.introspection,
        logger,
      });
    // Backends unreachable; and every backend served by one gRPC server answering grpc.health.v1 SERVING.
    down = await start('127.0.0.1:1');
    backend = await startGrpcServer({ port: 0, services: [], packageDefinition: loadSerProto().reflectionPackageDefinition, logger });
    up = await start(`127.0.0.1:${backend.port}`);
  });
  afterAll(async () => {
    await down?.stop();
    await up?.stop();
    await backend?.shutdown();
    await store?.close();
  });

  /** Status of a rendered probe's GET, with the probe's headers and no token. */
  async function probeStatus(gw: RunningGateway, probe: Probe | undefined): Promise<number> {
    const get = probe?.httpGet;
    if (!get) throw new Error('not an HTTP probe');
    const headers = Object.fromEntries((get.httpHeaders ?? []).map((h) => [h.name, h.value]));
    return (await fetch(`http://127.0.0.1:${gw.port}${get.path}`, { headers })).status;
  }

  it('refuses a GraphQL GET without a token, which is why the probes do not query GraphQL', async () => {
    expect(settings).toMatchObject({ anonymousRead: false, introspection: false });
    const res = await fetch(`http://127.0.0.1:${up.port}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(401);
  });

  it("answers the chart's startup and liveness probes with 200 whether or not the backends serve", async () => {
    for (const gw of [down, up]) {
      expect(await probeStatus(gw, container.startupProbe)).toBe(200);
      expect(await probeStatus(gw, container.livenessProbe)).toBe(200);
    }
  });

  it("answers the chart's readiness probe with 200 once every backend serves, 503 while one does not", async () => {
    expect(await probeStatus(up, container.readinessProbe)).toBe(200);
    expect(await probeStatus(down, container.readinessProbe)).toBe(503);
  });
});
