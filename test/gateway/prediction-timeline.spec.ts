import {
  loadSerProto,
  SER_SERVICE_NAMES,
  type InferenceServiceHandlers,
  type PredictStreamConfig__Output,
  type PredictStreamRequest__Output,
} from '@ser/contracts';
import { bidiStream, startGrpcServer, type RunningServer } from '@ser/grpc-kit';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from './harness';

const TIMELINE = `subscription($input: PredictionTimelineInput!) {
  predictionTimeline(input: $input) { index startSeconds endSeconds label probabilities { label probability } predictionId } }`;
const RATE = 16_000;

/**
 * A PredictStream that answers one window per second of audio it has received, labelled by the window's first
 * sample, so the test can tell the windows and their order apart; it keeps what arrived.
 */
async function startStreamDouble() {
  const received: { config?: PredictStreamConfig__Output; bytes: Buffer[] } = { bytes: [] };
  const handlers: Partial<InferenceServiceHandlers> = {
    PredictStream: bidiStream(async function* (requests: AsyncIterable<PredictStreamRequest__Output>) {
      let pending = Buffer.alloc(0);
      let index = 0;
      for await (const req of requests) {
        if (req.config) received.config = req.config;
        if (!req.audioChunk) continue;
        received.bytes.push(req.audioChunk);
        pending = Buffer.concat([pending, req.audioChunk]);
        for (; pending.length >= 2 * RATE; pending = pending.subarray(2 * RATE), index++) {
          const label = `starts-${pending.readInt16LE(0)}`;
          yield {
            windowIndex: index,
            windowStartSeconds: index,
            windowEndSeconds: index + 1,
            prediction: { label, classProbabilities: [{ label, probability: 1 }], predictionId: `p-${index}` },
          };
        }
      }
    }),
  };
  const proto = loadSerProto();
  const server: RunningServer = await startGrpcServer({
    port: 0,
    packageDefinition: proto.reflectionPackageDefinition,
    services: [{ name: SER_SERVICE_NAMES.inference, definition: proto.grpc.ser.v1.InferenceService.service, implementation: handlers as never }],
  });
  return { address: server.address, received, stop: () => server.shutdown(0) };
}

/** `seconds` of 16-bit PCM whose second s starts with the sample value s (the rest zeros). */
function markedPcm(seconds: number): Buffer {
  const pcm = Buffer.alloc(seconds * 2 * RATE);
  for (let s = 0; s < seconds; s++) pcm.writeInt16LE(s + 1, s * 2 * RATE);
  return pcm;
}

describe('the predictionTimeline subscription', () => {
  let t: TestGateway;
  let inference: Awaited<ReturnType<typeof startStreamDouble>>;
  const clients: Client[] = [];
  const connect = (token: string) => {
    const client = createClient({
      url: t.gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    clients.push(client);
    return client;
  };
  const collect = async (token: string, input: object) => {
    const results: Array<{
      data?: { predictionTimeline: { index: number; label: string; startSeconds: number; predictionId: string | null } } | null;
      errors?: unknown;
    }> = [];
    for await (const r of connect(token).iterate({ query: TIMELINE, variables: { input } })) results.push(r as never);
    return results;
  };

  beforeAll(async () => {
    inference = await startStreamDouble();
    t = await startTestGateway({ addresses: { inference: inference.address } });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });
  afterAll(async () => {
    await t?.stop();
    await inference?.stop();
  });

  it('streams the audio through PredictStream in chunks and sends each window on, in order', async () => {
    const pcm = markedPcm(5);
    const results = await collect(t.tokens.operator, {
      pcm: pcm.toString('base64'),
      sampleRateHz: RATE,
      windowSeconds: 1,
      model: { name: 'ser', alias: 'staging' },
    });
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    expect(results.map((r) => [r.data!.predictionTimeline.index, r.data!.predictionTimeline.label, r.data!.predictionTimeline.startSeconds])).toEqual(
      [1, 2, 3, 4, 5].map((s, i) => [i, `starts-${s}`, i]),
    );
    expect(results[0]!.data!.predictionTimeline.predictionId).toMatch(/./);
    // Every byte, in order, in more than one message; the config says what they are.
    expect(Buffer.compare(Buffer.concat(inference.received.bytes), pcm)).toBe(0);
    expect(inference.received.bytes.length).toBeGreaterThan(1);
    expect(inference.received.config).toMatchObject({
      encoding: 'AUDIO_ENCODING_PCM_S16LE',
      sampleRateHz: RATE,
      channels: 1,
      windowSeconds: 1,
      model: { name: 'ser', alias: 'staging' },
    });
  });

  it('needs the operator role, and refuses audio that is not 16-bit samples', async () => {
    const viewer = await collect(t.tokens.viewer, { pcm: markedPcm(1).toString('base64'), sampleRateHz: RATE });
    expect(JSON.stringify(viewer)).toContain('FORBIDDEN');
    const odd = await collect(t.tokens.operator, { pcm: Buffer.alloc(3).toString('base64'), sampleRateHz: RATE });
    expect(JSON.stringify(odd)).toContain('BAD_USER_INPUT');
  });
});
