// PredictStream with its per-chunk mix-down and per-window work (resampling, VAD, hash, features) in front-end
// threads gives what it gives with all of it on the event loop (SER_INFERENCE_FRONTEND_WORKERS=0): the same windows,
// features bit for bit, predictions and records, and the same gRPC error for bad PCM.
import { describe, expect, it } from 'vitest';
import { synthesizeTestSignal } from '@ser/audio';
import type { PredictStreamConfig__Output, PredictStreamRequest__Output, PredictStreamResponse } from '@ser/contracts';
import { GrpcStatus } from '@ser/grpc-kit';
import type { MetadataStore, NewPrediction } from '@ser/store';
import type { ModelHost } from '../models/model-host';
import type { ServableModel } from '../models/model-kinds';
import { grpcFailureOf, useSeededFrontEnd } from '../testing/seeded-front-end';
import { inProcessFrontEnd, type ClipFrontEnd } from '../workers/front-end-pool';
import { predictStream, type StreamSettings } from './predict-stream';

const SETTINGS: StreamSettings = { maxAudioSeconds: 10, maxAudioBytes: 2_000_000, streamWindowSeconds: 1, vadThresholdDb: -45, vadMinVoicedFraction: 0.2 };
const RATE = 22050; // not the models' 16 kHz: every window is resampled

const config = (extra: Partial<PredictStreamConfig__Output> = {}): PredictStreamRequest__Output => ({
  payload: 'config',
  config: {
    model: null,
    encoding: 'AUDIO_ENCODING_PCM_S16LE',
    sampleRateHz: RATE,
    channels: 2,
    windowSeconds: 1,
    hopSeconds: 0.6,
    recordOptOut: false,
    ...extra,
  },
});
const chunk = (bytes: Uint8Array): PredictStreamRequest__Output => ({ payload: 'audioChunk', audioChunk: Buffer.from(bytes) });

/** 3.5 s of interleaved stereo 16-bit PCM with a silent second in the middle (its windows are skipped by the VAD). */
function stereoPcm(): Uint8Array {
  const [left, right] = [1, 2].map((seed) => synthesizeTestSignal({ sampleRate: RATE, seconds: 3.5, seed }));
  const frames = new Int16Array(left!.length * 2);
  for (let i = 0; i < left!.length; i++) {
    const silent = i >= RATE * 1.2 && i < RATE * 2.2;
    frames[2 * i] = silent ? 0 : Math.round(left![i]! * 32767);
    frames[2 * i + 1] = silent ? 0 : Math.round(right![i]! * 32767);
  }
  return new Uint8Array(frames.buffer);
}

/** `bytes` cut at uneven offsets, some inside a frame, as a network would deliver them. */
function unevenChunks(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) out.push(bytes.subarray(at, (at += [7_001, 20_000, 3, 41_234][i % 4]!)));
  return out;
}

interface StreamRun {
  responses: PredictStreamResponse[];
  /** The features each predicted window's forward pass got. */
  features: Float32Array[];
  /** What was stored for each prediction (input hash, label, probabilities), without its latency. */
  records: Array<Omit<NewPrediction, 'latencyMs'>>;
}

/** One PredictStream through `frontEnd`, on a host serving `model` and a store that keeps the records. */
async function runStream(model: ServableModel, frontEnd: ClipFrontEnd, requests: PredictStreamRequest__Output[]): Promise<StreamRun> {
  const run: StreamRun = { responses: [], features: [], records: [] };
  const version = {
    name: 'm',
    version: 1,
    versionId: 'mv-1',
    model,
    observeLatency: () => undefined,
    predictOne: async (x: Float32Array) => (run.features.push(x), (await model.predict([x]))[0]!),
  };
  const host = { acquire: async () => ({ version, release: () => undefined }) } as unknown as ModelHost;
  const store = {
    predictions: { record: async ({ latencyMs: _, ...record }: NewPrediction) => (run.records.push(record), { id: `p-${run.records.length}` }) },
  } as unknown as MetadataStore;
  async function* source() {
    yield* requests;
  }
  for await (const response of predictStream({ host, store, frontEnd, settings: SETTINGS }, source())) run.responses.push(response);
  return run;
}

/** A response without its latency, which differs from run to run. */
const withoutLatency = (r: PredictStreamResponse) => ({ ...r, prediction: { ...r.prediction, latencyMs: undefined } });
const bits = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

describe('PredictStream with its window work in front-end threads', () => {
  const seeded = useSeededFrontEnd('predict-stream-test');

  it('gives the windows, features, predictions and records of the event loop, bit for bit', async () => {
    const requests = [config(), ...unevenChunks(stereoPcm()).map(chunk)];
    const here = await runStream(seeded.model, inProcessFrontEnd, requests);
    const there = await runStream(seeded.model, seeded.pool, requests);
    // 3.5 s in 1 s windows every 0.6 s: windows 0-4; the VAD skips those mostly inside the silent second.
    expect(here.responses.length).toBeGreaterThanOrEqual(2);
    expect(here.responses.length).toBeLessThan(5);
    expect(here.responses.map((r) => r.windowIndex)).not.toContain(2); // 1.2-2.2 s, all silent
    expect(there.responses.map(withoutLatency)).toEqual(here.responses.map(withoutLatency));
    expect(there.features.map(bits)).toEqual(here.features.map(bits));
    expect(there.records).toEqual(here.records);
    expect(new Set(here.records.map((r) => r.inputHash)).size).toBe(here.records.length); // each window hashed on its own
  });

  it('fails a chunk of non-finite float PCM with the gRPC error the event loop gives', async () => {
    const floats = new Float32Array([0.1, -0.2, Number.NaN, 0.3, 0.25, 0.5]);
    const requests = [config({ encoding: 'AUDIO_ENCODING_PCM_F32LE' }), chunk(new Uint8Array(floats.buffer))];
    const expected = await grpcFailureOf(runStream(seeded.model, inProcessFrontEnd, requests));
    expect(expected.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(expected.rich.fieldViolations).toEqual([{ field: 'audio_chunk', description: 'non-finite' }]);
    expect(await grpcFailureOf(runStream(seeded.model, seeded.pool, requests))).toEqual(expected);
  });
});
