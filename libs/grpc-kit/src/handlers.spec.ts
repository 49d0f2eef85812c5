import { status, type ServiceError } from '@grpc/grpc-js';
import type { FeatureServiceClient, InferenceServiceClient, PredictStreamRequest__Output, PredictStreamResponse, ReadFeaturesResponse } from '@ser/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { callUnary, closeClient, iterateStream } from './client';
import { notFound, readErrorDetails } from './errors';
import { bidiStream, serverStream, unary } from './handlers';
import type { RunningServer } from './server';
import { deferred, featureClient, inferenceClient, serve, silentLogger } from './test-support';

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

describe('handler adapters', () => {
  let running: RunningServer | undefined;
  let features: FeatureServiceClient | undefined;
  let inference: InferenceServiceClient | undefined;
  afterEach(async () => {
    if (features) closeClient(features);
    if (inference) closeClient(inference);
    await running?.shutdown(0);
    running = features = inference = undefined;
  });

  it('unary returns what the function returns, sync or async', async () => {
    running = await serve({
      GetDataset: unary((request) => ({ dataset: { id: request.datasetId } })),
      ListDatasets: unary(async (request) => ({ datasets: [{ name: request.nameContains }] })),
    });
    features = featureClient(running.address);
    expect((await callUnary(features, 'getDataset', { datasetId: 'd7' })).dataset?.id).toBe('d7');
    expect((await callUnary(features, 'listDatasets', { nameContains: 'urdu' })).datasets[0]?.name).toBe('urdu');
  });

  it('serverStream sends each yielded message, then ends with OK', async () => {
    running = await serve({
      ReadFeatures: serverStream(async function* (request) {
        for (const id of request.utteranceIds) yield { utterance: { id } } satisfies ReadFeaturesResponse;
      }),
    });
    features = featureClient(running.address);
    const messages = await collect(features.readFeatures({ utteranceIds: ['a', 'b', 'c'] }));
    expect(messages.map((m) => m.utterance?.id)).toEqual(['a', 'b', 'c']);
  });

  it('serverStream ends with the mapped status when the generator throws mid-stream', async () => {
    running = await serve({
      ReadFeatures: serverStream(async function* () {
        yield { utterance: { id: 'a' } };
        throw notFound('utterance', 'b');
      }, silentLogger),
    });
    features = featureClient(running.address);
    const received: string[] = [];
    const err = await (async () => {
      for await (const m of features!.readFeatures({})) received.push(m.utterance?.id ?? '');
    })().then(
      () => expect.fail('stream should fail'),
      (e: unknown) => e as ServiceError,
    );
    expect(received).toEqual(['a']);
    expect(err.code).toBe(status.NOT_FOUND);
    expect(readErrorDetails(err).errorInfo?.reason).toBe('UTTERANCE_NOT_FOUND');
  });

  it('serverStream stops the generator (running its finally) when the client cancels', async () => {
    const cleanedUp = deferred();
    running = await serve({
      ReadFeatures: serverStream(async function* () {
        try {
          for (let i = 0; ; i++) {
            yield { utterance: { id: String(i) } };
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          cleanedUp.resolve();
        }
      }),
    });
    features = featureClient(running.address);
    const seen: string[] = [];
    for await (const message of iterateStream(features.readFeatures({}))) {
      seen.push(message.utterance?.id ?? '');
      if (seen.length === 3) break; // leaving the loop cancels the call
    }
    await cleanedUp.promise;
    expect(seen).toEqual(['0', '1', '2']);
  });

  it('bidiStream reads the client stream and answers as it goes', async () => {
    running = await serve(
      {},
      {
        PredictStream: bidiStream(async function* (requests: AsyncIterable<PredictStreamRequest__Output>) {
          let index = 0;
          let label = '';
          for await (const request of requests) {
            if (request.payload === 'config') label = request.config?.model?.name ?? '';
            else yield { windowIndex: index++, prediction: { label: `${label}:${request.audioChunk?.length}` } } satisfies PredictStreamResponse;
          }
        }),
      },
    );
    inference = inferenceClient(running.address);
    const call = inference.predictStream();
    call.write({ config: { model: { name: 'tacn' } } });
    call.write({ audioChunk: Buffer.alloc(4) });
    call.write({ audioChunk: Buffer.alloc(8) });
    call.end();
    const responses = await collect(call);
    expect(responses.map((r) => [r.windowIndex, r.prediction?.label])).toEqual([
      [0, 'tacn:4'],
      [1, 'tacn:8'],
    ]);
  });
});
