// Prometheus metrics of a service process: one registry per process (default Node metrics plus what services
// add), gRPC request counters and latency histograms from a server interceptor, and one /metrics HTTP server per
// process however many services it runs (the all-in-one runs them all).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerInterceptingCall, status as grpcStatus, type ServerInterceptor } from '@grpc/grpc-js';
import type { Logger } from '@ser/logging';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

let registry: Registry | undefined;

/** The process's registry; services register their own metrics on it (`registers: [getMetricsRegistry()]`). */
export function getMetricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

type GrpcLabels = 'grpc_service' | 'grpc_method' | 'grpc_type';
let grpcMetrics: { handled: Counter<GrpcLabels | 'grpc_code'>; seconds: Histogram<GrpcLabels> } | undefined;

// Names and labels of go-grpc-prometheus, which Grafana's gRPC dashboards expect.
function grpcInstruments() {
  grpcMetrics ??= {
    handled: new Counter({
      name: 'grpc_server_handled_total',
      help: 'gRPC calls completed on the server, by method and status code.',
      labelNames: ['grpc_service', 'grpc_method', 'grpc_type', 'grpc_code'],
      registers: [getMetricsRegistry()],
    }),
    seconds: new Histogram({
      name: 'grpc_server_handling_seconds',
      help: 'Time from a gRPC call starting to its status being sent (seconds).',
      labelNames: ['grpc_service', 'grpc_method', 'grpc_type'],
      // Feature reads and health probes take milliseconds; ingestion and training calls can stream for minutes.
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [getMetricsRegistry()],
    }),
  };
  return grpcMetrics;
}

const CODE_NAMES = Object.fromEntries(
  Object.entries(grpcStatus)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v, k]),
) as Record<number, string>;

/** Counts every call and times it, labelled by service, method, call type and status code (OK, NOT_FOUND, ...). */
export function grpcMetricsInterceptor(): ServerInterceptor {
  const { handled, seconds } = grpcInstruments();
  return (method, call) => {
    const started = process.hrtime.bigint();
    const [, service = '', name = ''] = /^\/([^/]+)\/(.+)$/.exec(method.path) ?? [];
    const type = method.requestStream ? (method.responseStream ? 'bidi_stream' : 'client_stream') : method.responseStream ? 'server_stream' : 'unary';
    const labels = { grpc_service: service, grpc_method: name, grpc_type: type };
    return new ServerInterceptingCall(call, {
      sendStatus(status, next) {
        handled.inc({ ...labels, grpc_code: CODE_NAMES[status.code] ?? String(status.code) });
        seconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        next(status);
      },
    });
  };
}

export interface MetricsServerHandle {
  /** host:port serving GET /metrics. */
  address: string;
  port: number;
  /** Releases this holder's use; the server closes when the last holder releases it. */
  release(): Promise<void>;
}

let shared: { server: Promise<{ server: Server; address: string; port: number }>; holders: number } | null = null;

/**
 * The process's /metrics server: the first caller starts it on `port` (0: ephemeral), later callers share it
 * (their port is ignored), and it closes when every holder has released it. A port in use rejects.
 */
export async function acquireMetricsServer(opts: { host: string; port: number; logger?: Logger }): Promise<MetricsServerHandle> {
  shared ??= { server: listen(opts.host, opts.port, opts.logger), holders: 0 };
  const current = shared;
  current.holders++;
  let running: Awaited<typeof current.server>;
  try {
    running = await current.server;
  } catch (err) {
    if (shared === current) shared = null;
    throw err;
  }
  let released = false;
  return {
    address: running.address,
    port: running.port,
    async release() {
      if (released) return;
      released = true;
      if (--current.holders > 0) return;
      if (shared === current) shared = null;
      await new Promise<void>((resolve) => running.server.close(() => resolve()));
    },
  };
}

/** host:port of the running /metrics server, or null when none runs. */
export async function metricsServerAddress(): Promise<string | null> {
  return shared ? (await shared.server).address : null;
}

function listen(host: string, port: number, logger?: Logger): Promise<{ server: Server; address: string; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end('not found: metrics are at GET /metrics\n');
      return;
    }
    const reg = getMetricsRegistry();
    reg.metrics().then(
      (text) => res.writeHead(200, { 'content-type': reg.contentType }).end(text),
      (err: Error) => res.writeHead(500).end(`collecting metrics failed: ${err.message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`metrics server cannot listen on ${host}:${port}: ${err.message}`, { cause: err })));
    server.listen(port, host, () => {
      const bound = (server.address() as AddressInfo).port;
      const dialHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      logger?.info({ address: `${host}:${bound}` }, 'metrics server listening');
      resolve({ server, address: `${dialHost}:${bound}`, port: bound });
    });
  });
}
