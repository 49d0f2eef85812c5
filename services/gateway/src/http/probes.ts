import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceName } from '@ser/config';
import { checkHealth, type HealthStatus } from '@ser/grpc-kit';
import type { Registry } from 'prom-client';

export interface ProbeOptions {
  /** The gRPC services the gateway calls; /readyz asks each for grpc.health.v1. */
  serviceAddresses: Record<ServiceName, string>;
  /** True once stop() has begun: /readyz then answers 503 to probes that still reach it. */
  stopping: () => boolean;
  registry: Registry;
}

/**
 * The backends readiness waits for: what reads and predictions need. Trainers are reported but do not gate it: a
 * trainer scaled to zero or waiting for a GPU node must not take the whole API out of its Service (their mutations
 * fail with UNAVAILABLE on their own).
 */
export const READINESS_SERVICES: readonly ServiceName[] = ['features', 'inference'];

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);

/**
 * The gateway's operational endpoints, open without a token (they say nothing about the platform's data):
 * - GET /healthz: liveness; 200 while the process serves HTTP at all (restarting it cannot fix a backend);
 * - GET /readyz: readiness; 200 when the READINESS_SERVICES answer SERVING, else 503; every backend's status is listed;
 * - GET /metrics: the process's Prometheus registry (GraphQL operations, Node runtime).
 * Returns true when it answered.
 */
export function probeHandler(opts: ProbeOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      json(res, 200, { status: 'ok' });
      return true;
    }
    if (path === '/readyz') {
      void readiness(opts).then((body) => json(res, body.status === 'ready' ? 200 : 503, body));
      return true;
    }
    if (path === '/metrics') {
      opts.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': opts.registry.contentType }).end(text),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`collecting metrics failed: ${err.message}\n`),
      );
      return true;
    }
    return false;
  };
}

async function readiness(opts: ProbeOptions): Promise<{ status: string; services: Record<string, HealthStatus> }> {
  if (opts.stopping()) return { status: 'stopping', services: {} };
  const entries = await Promise.all(Object.entries(opts.serviceAddresses).map(async ([name, address]) => [name, await checkHealth(address)] as const));
  const ready = entries.every(([name, status]) => status === 'SERVING' || !READINESS_SERVICES.includes(name as ServiceName));
  return { status: ready ? 'ready' : 'not ready', services: Object.fromEntries(entries) };
}
