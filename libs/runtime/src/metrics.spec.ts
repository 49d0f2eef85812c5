import { afterEach, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceClient } from '@ser/contracts';
import { callUnary, closeClient, createClient, notFound, unary } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { metricsServerAddress } from './metrics';
import type { Platform } from './platform';
import type { RunningService } from './running-service';
import { serveGrpc } from './serve-grpc';

// serveGrpc reads only the config and the logger of a platform.
const platform = { config: loadPlatformConfig({ env: {}, overrides: ['--metricsPort=0'] }), logger: createLogger('test', { level: 'warn' }) } as Platform;

function startFeatureStub(name: string): Promise<RunningService> {
  const definition = loadSerProto().grpc.ser.v1.FeatureService.service;
  const implementation = {
    ListDatasets: unary(async () => ({ datasets: [] })),
    GetDataset: unary(async (req: { datasetId: string }) => {
      throw notFound('dataset', req.datasetId);
    }),
  };
  return serveGrpc(platform, { name, port: 0, services: [{ name: SER_SERVICE_NAMES.features, definition, implementation: implementation as never }] });
}

async function scrape(): Promise<string> {
  const address = await metricsServerAddress();
  if (!address) throw new Error('no metrics server is running');
  const res = await fetch(`http://${address}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/plain/);
  return res.text();
}

/** The value of one sample line, e.g. counter{labels} 3. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

describe('Prometheus /metrics', () => {
  const services: RunningService[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
  });

  it('counts and times gRPC calls by method and status code, next to the default Node metrics', async () => {
    const service = await startFeatureStub('features');
    services.push(service);
    const client = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, service.address, { deadlineMs: 10_000 });
    try {
      const labels = { grpc_service: 'ser.v1.FeatureService', grpc_method: 'ListDatasets', grpc_type: 'unary', grpc_code: 'OK' };
      const before = sample(await scrape(), 'grpc_server_handled_total', labels) ?? 0;
      await callUnary(client, 'ListDatasets', {});
      await callUnary(client, 'ListDatasets', {});
      await expect(callUnary(client, 'GetDataset', { datasetId: 'nope' })).rejects.toMatchObject({ code: 5 });

      const text = await scrape();
      expect(sample(text, 'grpc_server_handled_total', labels)).toBe(before + 2);
      expect(sample(text, 'grpc_server_handled_total', { grpc_method: 'GetDataset', grpc_code: 'NOT_FOUND' })).toBe(1);
      expect(sample(text, 'grpc_server_handling_seconds_count', { grpc_method: 'ListDatasets' })).toBe(before + 2);
      expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    } finally {
      closeClient(client);
    }
  });

  it('runs one metrics server for the process while any service runs, and closes it after the last', async () => {
    const first = await startFeatureStub('features');
    const second = await startFeatureStub('inference');
    const address = await metricsServerAddress();
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    await first.stop();
    expect(await metricsServerAddress()).toBe(address);
    expect(await scrape()).toContain('grpc_server_handled_total');
    await second.stop();
    expect(await metricsServerAddress()).toBeNull();
    await expect(fetch(`http://${address}/metrics`)).rejects.toThrow();
  });
});
