import { status, type ServiceError } from '@grpc/grpc-js';
import { SER_SERVICE_NAMES, type FeatureServiceClient, type GetDatasetResponse__Output } from '@ser/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { callUnary, closeClient } from './client';
import { checkHealth } from './health-client';
import { fileDescriptorsByReflection, listServicesByReflection } from './reflection-client';
import type { RunningServer } from './server';
import { deferred, featureClient, serve } from './test-support';

describe('startGrpcServer', () => {
  let running: RunningServer | undefined;
  let client: FeatureServiceClient | undefined;
  afterEach(async () => {
    if (client) closeClient(client);
    await running?.shutdown(0);
    running = client = undefined;
  });

  it('binds a free port and reports each service and the server SERVING', async () => {
    running = await serve({});
    expect(running.port).toBeGreaterThan(0);
    expect(running.address).toBe(`127.0.0.1:${running.port}`);
    expect(await checkHealth(running.address)).toBe('SERVING');
    expect(await checkHealth(running.address, SER_SERVICE_NAMES.features)).toBe('SERVING');
    expect(await checkHealth(running.address, SER_SERVICE_NAMES.inference)).toBe('SERVING');
    expect(await checkHealth(running.address, 'ser.v1.NoSuchService')).toBe('SERVICE_UNKNOWN');
  });

  it('reports NOT_SERVING for one service after setServing(false), and SERVING again after true', async () => {
    running = await serve({});
    running.setServing(SER_SERVICE_NAMES.inference, false);
    expect(await checkHealth(running.address, SER_SERVICE_NAMES.inference)).toBe('NOT_SERVING');
    expect(await checkHealth(running.address, SER_SERVICE_NAMES.features)).toBe('SERVING');
    running.setServing(SER_SERVICE_NAMES.inference, true);
    expect(await checkHealth(running.address, SER_SERVICE_NAMES.inference)).toBe('SERVING');
  });

  it('refuses setServing for a service it does not serve (a typo would fake health)', async () => {
    running = await serve({});
    expect(() => running!.setServing('ser.v1.FeatureServce', false)).toThrow(/not a service/);
  });

  it('lists its services, health and reflection through server reflection', async () => {
    running = await serve({});
    const services = await listServicesByReflection(running.address);
    expect(services).toEqual(['grpc.health.v1.Health', SER_SERVICE_NAMES.features, SER_SERVICE_NAMES.inference].sort());
  });

  it('serves descriptors with the field names written in the .proto files', async () => {
    running = await serve({});
    const files = await fileDescriptorsByReflection(running.address, SER_SERVICE_NAMES.features);
    const text = Buffer.concat(files).toString('latin1');
    expect(text).toContain('dataset_version_id');
    expect(text).not.toContain('datasetVersionId');
  });

  it('lets an in-flight call finish during graceful shutdown, then stops answering', async () => {
    const entered = deferred();
    const release = deferred();
    running = await serve({
      GetDataset: (call, callback) => {
        entered.resolve();
        void release.promise.then(() => callback(null, { dataset: { id: call.request.datasetId } }));
      },
    });
    client = featureClient(running.address);
    const inFlight = callUnary(client, 'getDataset', { datasetId: 'd1' });
    await entered.promise;

    const stopped = running.shutdown(30_000);
    // Draining: health says NOT_SERVING on a live connection, or new connections are refused.
    expect(['NOT_SERVING', 'UNREACHABLE']).toContain(await checkHealth(running.address, '', 1000));
    release.resolve();

    const response: GetDatasetResponse__Output = await inFlight;
    expect(response.dataset?.id).toBe('d1');
    await stopped;
    expect(await checkHealth(running.address)).toBe('UNREACHABLE');
  });

  it('cancels calls still running when the grace period ends', async () => {
    const entered = deferred();
    running = await serve({ GetDataset: () => entered.resolve() }); // never answers
    client = featureClient(running.address, { deadlineMs: 60_000 });
    const hung = callUnary(client, 'getDataset', { datasetId: 'd1' }).catch((err: ServiceError) => err);
    await entered.promise;

    await running.shutdown(50);
    const err = await hung;
    expect(err).toBeInstanceOf(Error);
    expect([status.UNAVAILABLE, status.CANCELLED, status.INTERNAL]).toContain((err as ServiceError).code);
  });
});
