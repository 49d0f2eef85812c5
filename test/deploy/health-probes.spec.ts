// The probes the chart and the images declare, run against real servers: the gateway's HTTP probe (path and
// headers as rendered by the chart) and deploy/docker/healthcheck.mjs against a gRPC server and the gateway.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES, type ServiceName } from '@ser/config';
import { createGateway, type RunningGateway } from '@ser/gateway';
import { loadSerProto } from '@ser/contracts';
import { startGrpcServer } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { renderChart, REPO_ROOT } from './helm';
import { deployment } from './pod-spec';

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

describe('gateway', () => {
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

  it("answers the chart's HTTP probe with 200", async () => {
    const probe = deployment(renderChart(), 'gateway').pod.containers[0]!.readinessProbe?.httpGet;
    expect(probe).toBeDefined();
    const headers = Object.fromEntries((probe!.httpHeaders ?? []).map((h) => [h.name, h.value]));
    const res = await fetch(`http://127.0.0.1:${gateway.port}${probe!.path}`, { headers });
    expect(res.status).toBe(200);
    // Without the header Apollo's CSRF prevention refuses the GET: the header is what makes the probe work.
    expect((await fetch(`http://127.0.0.1:${gateway.port}${probe!.path}`)).status).toBe(400);
  });

  it('passes healthcheck.mjs http, and fails it on a path the gateway does not serve', async () => {
    expect(await healthcheck('http', String(gateway.port), '/graphql?query=%7B__typename%7D')).toBe(0);
    expect(await healthcheck('http', String(gateway.port), '/nothing-here')).toBe(1);
  });
});
