import type { ServiceError } from '@grpc/grpc-js';
import { encodeWav } from '@ser/audio';
import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceClient } from '@ser/contracts';
import { callUnary, closeClient, createClient, GrpcStatus, readErrorDetails, startGrpcServer, unary, type RunningServer } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractFeatures } from './extract-features';

const tone = (n: number, rate: number) => Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / rate));

describe('ExtractFeatures over gRPC: audio the decoder refuses', () => {
  let running: RunningServer;
  let client: FeatureServiceClient;

  beforeEach(async () => {
    const { grpc, reflectionPackageDefinition } = loadSerProto();
    const logger = createLogger('features-test', { level: 'silent' });
    running = await startGrpcServer({
      port: 0,
      packageDefinition: reflectionPackageDefinition,
      logger,
      services: [
        {
          name: SER_SERVICE_NAMES.features,
          definition: grpc.ser.v1.FeatureService.service,
          implementation: { ExtractFeatures: unary(extractFeatures, logger) },
        },
      ],
    });
    client = createClient<FeatureServiceClient>(grpc.ser.v1.FeatureService, running.address, { deadlineMs: 10_000 });
  });
  afterEach(async () => {
    closeClient(client);
    await running.shutdown(0);
  });

  const extract = (content: Uint8Array) =>
    callUnary(client, 'ExtractFeatures', { audio: { content: Buffer.from(content), filename: 'clip.wav' }, kind: 'FEATURE_KIND_LOG_MEL' }).then(
      () => expect.fail('ExtractFeatures should fail'),
      (e: unknown) => e as ServiceError,
    );

  it('answers a header claiming a 1 Hz sample rate with INVALID_ARGUMENT naming the range, the reason on audio.content', async () => {
    const wav = encodeWav(tone(1600, 16000), 16000);
    new DataView(wav.buffer).setUint32(24, 1, true);
    const error = await extract(wav);
    expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(error.details).toBe("audio 'clip.wav' cannot be decoded: fmt chunk declares a sample rate of 1 Hz; 1000 to 384000 Hz are decoded");
    expect(readErrorDetails(error).fieldViolations).toEqual([{ field: 'audio.content', description: 'bad-header' }]);
  });

  it('answers NaN samples and a clip shorter than one analysis window with INVALID_ARGUMENT and their reasons', async () => {
    const samples = tone(1600, 16000);
    samples[100] = NaN;
    const nan = await extract(encodeWav(samples, 16000, { encoding: 'float32' }));
    expect(nan.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(nan.details).toContain('sample 100 (at 0.006 s) is NaN');
    expect(readErrorDetails(nan).fieldViolations[0]).toEqual({ field: 'audio.content', description: 'non-finite' });

    const short = await extract(encodeWav(tone(160, 16000), 16000));
    expect(short.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(short.details).toContain('clip is 10.0 ms long; at least 25 ms');
    expect(readErrorDetails(short).fieldViolations[0]).toEqual({ field: 'audio.content', description: 'too-short' });
  });

  it('still extracts a well-formed clip whose data size was left 0 by a streaming writer', async () => {
    const wav = encodeWav(tone(1600, 16000), 16000);
    new DataView(wav.buffer).setUint32(40, 0, true);
    const res = await callUnary(client, 'ExtractFeatures', { audio: { content: Buffer.from(wav) }, kind: 'FEATURE_KIND_LOG_MEL' });
    expect(res.features?.frames).toBe(11); // 1 + floor(1600 / 160)
  });
});
