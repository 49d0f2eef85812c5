import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { FeatureServiceClient } from '@ser/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { callUnary, closeClient, deadlineIn } from './client';
import type { RunningServer } from './server';
import { featureClient, serve } from './test-support';

describe('createClient', () => {
  let running: RunningServer | undefined;
  let client: FeatureServiceClient | undefined;
  afterEach(async () => {
    if (client) closeClient(client);
    await running?.shutdown(0);
    running = client = undefined;
  });

  /** ms left until the call's deadline as the server sees it (grpc-js gives a Date or epoch ms), or "none". */
  function msLeft(deadline: Date | number): string {
    const at = deadline instanceof Date ? deadline.getTime() : deadline;
    return Number.isFinite(at) ? String(at - Date.now()) : 'none';
  }

  /** A server whose GetDataset reports the deadline it sees as the dataset name (ms from now, or "none"). */
  async function serveDeadlineEcho() {
    running = await serve({
      GetDataset: (call, callback) => {
        callback(null, { dataset: { name: msLeft(call.getDeadline()) } });
      },
      ReadFeatures: (call) => {
        call.write({ utterance: { id: msLeft(call.getDeadline()) } });
        call.end();
      },
    });
    return running;
  }

  it('fails a call without an explicit deadline with DEADLINE_EXCEEDED when the handler never answers', async () => {
    running = await serve({ GetDataset: () => undefined });
    client = featureClient(running.address, { deadlineMs: 200 });
    const err = (await callUnary(client, 'getDataset', { datasetId: 'd1' }).catch((e: unknown) => e)) as ServiceError;
    expect(err.code).toBe(status.DEADLINE_EXCEEDED);
  });

  it('gives unary calls the default deadline and lets a per-call deadline override it', async () => {
    running = await serveDeadlineEcho();
    client = featureClient(running.address, { deadlineMs: 5_000 });
    const byDefault = Number((await callUnary(client, 'getDataset', {})).dataset?.name);
    const perCall = Number((await callUnary(client, 'getDataset', {}, { deadlineMs: 120_000 })).dataset?.name);
    expect(byDefault).toBeGreaterThan(0);
    expect(byDefault).toBeLessThanOrEqual(5_000);
    expect(perCall).toBeGreaterThan(5_000);
    expect(perCall).toBeLessThanOrEqual(120_000);
  });

  it('gives streaming calls the stream deadline, and deadlineIn(Infinity) none', async () => {
    running = await serveDeadlineEcho();
    client = featureClient(running.address, { deadlineMs: 5_000, streamDeadlineMs: 600_000 });
    const firstId = async (stream: AsyncIterable<{ utterance: { id: string } | null }>) => {
      for await (const message of stream) return message.utterance?.id;
    };
    const streamDefault = Number(await firstId(client.readFeatures({ datasetVersionId: 'v1' })));
    expect(streamDefault).toBeGreaterThan(5_000);
    expect(streamDefault).toBeLessThanOrEqual(600_000);
    expect(await firstId(client.readFeatures({ datasetVersionId: 'v1' }, deadlineIn(Infinity)))).toBe('none');
  });

  it('sends metadata given to callUnary', async () => {
    running = await serve({
      GetDataset: (call, callback) => callback(null, { dataset: { name: String(call.metadata.get('x-request-id')[0]) } }),
    });
    client = featureClient(running.address);
    const metadata = new Metadata();
    metadata.set('x-request-id', 'req-42');
    expect((await callUnary(client, 'getDataset', {}, { metadata })).dataset?.name).toBe('req-42');
  });
});
