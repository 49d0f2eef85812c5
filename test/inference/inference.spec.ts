import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import {
  loadSerProto,
  type FeatureServiceClient,
  type InferenceServiceClient,
  type ModelRegistryServiceClient,
  type PredictStreamRequest,
} from '@ser/contracts';
import { createInProcessBus, TOPICS, type Envelope, type InProcessBus } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { callUnary, closeClient, createClient, deadlineIn, GrpcStatus, iterateStream, readErrorDetails } from '@ser/grpc-kit';
import { startInferenceService } from '@ser/inference';
import { startModelRegistryService } from '@ser/model-registry';
import { metricsServerAddress, openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { writeFourSpeakerCorpus } from '../classifier/four-speaker-corpus';
import { CLASSES, pcm16, registerRandomModel, tone, wavClip } from './model-fixtures';

const MODEL = 'test-emotion';
const LIMITS = { maxAudioSeconds: 5, maxAudioBytes: 400_000 };

describe('InferenceService and the model registry over gRPC (in-process platform)', () => {
  let dataDir: string;
  let bus: InProcessBus;
  let platform: Platform;
  let features: RunningService;
  let inference: RunningService;
  let batching: RunningService;
  let client: InferenceServiceClient;
  let batchingClient: InferenceServiceClient;
  let registryService: RunningService;
  let registry: ModelRegistryServiceClient;
  let datasetVersionId = '';
  const moves: Envelope[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-inference-'));
    const corpus = join(dataDir, 'corpora', 'four');
    mkdirSync(corpus, { recursive: true });
    await writeFourSpeakerCorpus(corpus, 1);
    bus = createInProcessBus();
    const config = loadPlatformConfig({
      env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' },
      overrides: ['--ports.features=0'],
    });
    platform = await openPlatform(config, { bus });
    await bus.subscribe({ groupId: 'test-moves', topics: [TOPICS.modelAliasMoved], fromBeginning: true, handler: async (e) => void moves.push(e) });
    features = await startFeaturesService(platform);
    registryService = await startModelRegistryService(platform, { port: 0 });
    inference = await startInferenceService(platform, {
      port: 0,
      featuresAddress: features.address,
      modelRegistryAddress: registryService.address,
      inference: { ...LIMITS, defaultModelName: MODEL, maxBatchWaitMs: 2 },
    });
    // Batches run when full or after a minute: four concurrent requests can only be answered by one batch of four.
    batching = await startInferenceService(platform, {
      port: 0,
      modelRegistryAddress: registryService.address,
      inference: { defaultModelName: MODEL, maxBatchSize: 4, maxBatchWaitMs: 60_000 },
    });
    const proto = loadSerProto().grpc.ser.v1;
    client = createClient<InferenceServiceClient>(proto.InferenceService, inference.address, { deadlineMs: 60_000 });
    batchingClient = createClient<InferenceServiceClient>(proto.InferenceService, batching.address, { deadlineMs: 60_000 });
    registry = createClient<ModelRegistryServiceClient>(proto.ModelRegistryService, registryService.address, { deadlineMs: 30_000 });
    const featureClient = createClient<FeatureServiceClient>(proto.FeatureService, features.address, { deadlineMs: 120_000 });
    for await (const m of iterateStream(featureClient.IngestDataset({ corpusName: 'four', format: 'DATASET_FORMAT_URDU', uri: corpus }))) {
      if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
    }
    closeClient(featureClient);
    for (const seed of [1, 2]) await registerRandomModel(platform.store, platform.artifacts, MODEL, seed);
    await callUnary(registry, 'SetModelAlias', { name: MODEL, version: '1', alias: 'production' });
  }, 120_000);

  afterAll(async () => {
    for (const c of [client, batchingClient, registry]) if (c) closeClient(c);
    for (const s of [batching, inference, registryService, features]) await s?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, 'the call should have failed').not.toBeNull();
    return readErrorDetails(err);
  };

  it('predicts a WAV clip with the production version and records it with the input hash', async () => {
    const wav = wavClip(1.2);
    const { prediction } = await callUnary(client, 'Predict', { audio: { content: wav, filename: 'clip.wav' } });
    expect(prediction!.model).toEqual({ name: MODEL, version: '1' });
    expect(CLASSES).toContain(prediction!.label);
    expect(prediction!.classProbabilities.map((c) => c.label)).toEqual(CLASSES);
    expect(prediction!.classProbabilities.reduce((a, c) => a + c.probability, 0)).toBeCloseTo(1, 5);
    const best = prediction!.classProbabilities.reduce((a, c) => (c.probability > a.probability ? c : a));
    expect(prediction!.label).toBe(best.label);
    expect(prediction!.latencyMs).toBeGreaterThan(0);
    const record = await platform.store.predictions.get(prediction!.predictionId);
    expect(record).toMatchObject({ inputHash: createHash('sha256').update(wav).digest('hex'), label: prediction!.label, source: 'unary' });
    expect(record!.modelVersionId).toBe((await platform.store.models.findVersion(MODEL, 1))!.id);
  });

  it('decodes other containers through ffmpeg to the same samples (FLAC of the same clip, same probabilities)', async () => {
    const wav = wavClip(1.2, 22050);
    writeFileSync(join(dataDir, 'clip.wav'), wav);
    const ffmpeg = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', join(dataDir, 'clip.wav'), join(dataDir, 'clip.flac')]);
    expect(ffmpeg.status, ffmpeg.stderr?.toString()).toBe(0);
    const fromWav = await callUnary(client, 'Predict', { audio: { content: wav }, recordOptOut: true });
    const fromFlac = await callUnary(client, 'Predict', {
      audio: { content: readFileSync(join(dataDir, 'clip.flac')), filename: 'clip.flac' },
      recordOptOut: true,
    });
    fromFlac.prediction!.classProbabilities.forEach((c, i) => expect(c.probability).toBeCloseTo(fromWav.prediction!.classProbabilities[i]!.probability, 5));
  });

  it('keeps opted-out predictions out of the records', async () => {
    const before = (await platform.store.predictions.list()).totalCount;
    const { prediction } = await callUnary(client, 'Predict', { audio: { content: wavClip(0.5) }, recordOptOut: true });
    expect(prediction!.predictionId).toBe('');
    expect((await platform.store.predictions.list()).totalCount).toBe(before);
  });

  it('refuses input over the limits and undecodable bytes with details', async () => {
    const big = await failure(callUnary(client, 'Predict', { audio: { content: Buffer.alloc(LIMITS.maxAudioBytes + 1, 1) } }));
    expect(big.code).toBe(GrpcStatus.RESOURCE_EXHAUSTED);
    expect(big.errorInfo).toMatchObject({ reason: 'AUDIO_TOO_LARGE', metadata: { limitBytes: String(LIMITS.maxAudioBytes) } });
    const long = await failure(callUnary(client, 'Predict', { audio: { content: wavClip(6, 8000) } })); // 96 kB, 6 s
    expect(long.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(long.errorInfo?.reason).toBe('AUDIO_TOO_LONG');
    expect(long.fieldViolations[0]?.field).toBe('audio.content');
    const junk = await failure(callUnary(client, 'Predict', { audio: { content: Buffer.from('not audio at all') } }));
    expect(junk.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(junk.fieldViolations).toEqual([{ field: 'audio.content', description: 'not-audio' }]);
    const unknown = await failure(callUnary(client, 'Predict', { audio: { content: wavClip(0.5) }, model: { name: 'no-such-model' } }));
    expect(unknown.code).toBe(GrpcStatus.NOT_FOUND);
  });

  it('streams a prediction per window and skips the silent one', async () => {
    // 1 s tone, 1 s silence, 1 s tone; 1 s windows every 0.5 s: window 2 ([1 s, 2 s]) is silence.
    const audio = pcm16(Float32Array.from([...tone(1), ...new Float32Array(16000), ...tone(1)]));
    const call = client.PredictStream(deadlineIn(60_000));
    const responses = (async () => {
      const out = [];
      for await (const m of iterateStream(call)) out.push(m);
      return out;
    })();
    const config: PredictStreamRequest = {
      config: { encoding: 'AUDIO_ENCODING_PCM_S16LE', sampleRateHz: 16000, channels: 1, windowSeconds: 1, hopSeconds: 0.5 },
    };
    call.write(config);
    for (let at = 0; at < audio.length; at += 3001) call.write({ audioChunk: audio.subarray(at, at + 3001) }); // odd sizes: frames split across chunks
    call.end();
    const windows = await responses;
    expect(windows.map((w) => w.windowIndex)).toEqual([0, 1, 3, 4]);
    expect(windows.map((w) => [w.windowStartSeconds, w.windowEndSeconds])).toEqual([
      [0, 1],
      [0.5, 1.5],
      [1.5, 2.5],
      [2, 3],
    ]);
    for (const w of windows) expect(w.prediction!.model!.version).toBe('1');
    const recorded = await platform.store.predictions.list({ modelName: MODEL });
    expect(recorded.edges.filter((e) => e.node.source === 'stream')).toHaveLength(4);
  });

  it('puts concurrent requests into one forward pass (dynamic batching)', async () => {
    const clips = [0.4, 0.7, 1.0, 1.3].map((s) => wavClip(s));
    const answers = await Promise.all(clips.map((content) => callUnary(batchingClient, 'Predict', { audio: { content }, recordOptOut: true })));
    expect(answers.every((a) => a.prediction!.model!.version === '1')).toBe(true);
    const { models } = await callUnary(batchingClient, 'GetModelStatus', {});
    expect(models).toHaveLength(1);
    expect(models[0]!.batchesBySize).toEqual({ 4: 1 });
    expect(models[0]!.predictionsServed).toBe(4);
    expect(models[0]!.warm).toBe(true);
    // Padding is masked: a clip predicts the same inside a batch as alone.
    const alone = await callUnary(client, 'Predict', { audio: { content: clips[0]! }, recordOptOut: true });
    alone.prediction!.classProbabilities.forEach((c, i) => expect(c.probability).toBeCloseTo(answers[0]!.prediction!.classProbabilities[i]!.probability, 4));
  });

  it('exports batch sizes, load and warm-up times and latency by model version, and ingested utterances, on /metrics', async () => {
    const address = await metricsServerAddress();
    const text = await (await fetch(`http://${address}/metrics`)).text();
    const value = (series: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.split(' ')[1] ?? NaN,
      );
    const v1 = `model_name="${MODEL}",model_version="1"`;
    // The batching service's batch of four, as one observation in the batch-size histogram (both services share it).
    expect(value(`ser_inference_batch_size_bucket{le="4",${v1}}`) - value(`ser_inference_batch_size_bucket{le="2",${v1}}`)).toBeGreaterThanOrEqual(1);
    expect(value(`ser_inference_prediction_duration_seconds_count{${v1}}`)).toBeGreaterThanOrEqual(5);
    expect(value(`ser_inference_model_load_seconds_count{${v1}}`)).toBeGreaterThanOrEqual(2); // once per service
    expect(value(`ser_inference_model_warmup_seconds_count{${v1}}`)).toBeGreaterThanOrEqual(2);
    expect(value('ser_features_utterances_ingested_total{dataset="four"}')).toBeGreaterThan(0);
  });

  it('follows an alias move without failing a request, then drops the old version', async () => {
    const clip = wavClip(0.5);
    const versions: string[] = [];
    let moved = false;
    const load = async () => {
      // Keep asking until answers come from the new version (at most 200 requests per worker).
      for (let i = 0; i < 200 && !(moved && versions.at(-1) === '2'); i++) {
        versions.push((await callUnary(client, 'Predict', { audio: { content: clip }, recordOptOut: true })).prediction!.model!.version);
      }
    };
    const workers = [load(), load(), load()];
    await new Promise((r) => setTimeout(r, 50));
    const { modelVersion } = await callUnary(registry, 'SetModelAlias', { name: MODEL, version: '2', alias: 'production' });
    moved = true;
    expect(modelVersion!.aliases).toEqual(['production']);
    await Promise.all(workers); // every request succeeded, or this rejects
    expect(versions).toContain('1');
    expect(versions.at(-1)).toBe('2');
    expect(versions.slice(versions.indexOf('2'))).not.toContain('1'); // no flapping back once swapped
    expect(moves.map((e) => e.data)).toContainEqual({ modelName: MODEL, alias: 'production', version: 2, previousVersion: 1 });
    // Version 1 was only ever reached through the alias: once its requests ended it was unloaded.
    const { models } = await callUnary(client, 'GetModelStatus', { model: { name: MODEL } });
    expect(models.map((m) => [m.model!.version, m.aliases])).toEqual([['2', ['production']]]);
    // Roll back: the alias returns to version 1.
    await callUnary(registry, 'SetModelAlias', { name: MODEL, version: '1', alias: 'production' });
    await expect.poll(async () => (await callUnary(client, 'Predict', { audio: { content: clip }, recordOptOut: true })).prediction!.model!.version).toBe('1');
  });

  it('predicts a whole dataset version with streamed progress and WA/UA', async () => {
    const messages = [];
    for await (const m of iterateStream(client.BatchPredict({ datasetVersionId, model: { name: MODEL, version: '2' } }, deadlineIn(120_000)))) messages.push(m);
    const last = messages.at(-1)!;
    expect(last.summary!.count).toBe(16);
    const progress = messages.slice(0, -1).map((m) => m.done);
    expect(progress.at(-1)).toBe(16);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(messages.every((m) => m.total === 16)).toBe(true);
    const predictions = messages.flatMap((m) => m.predictions);
    expect(predictions).toHaveLength(16);
    const correct = predictions.filter((p) => p.trueLabel === p.prediction!.label).length;
    expect(last.summary!.weightedAccuracy).toBeCloseTo(correct / 16, 10);
    expect(last.summary!.unweightedAccuracy).toBeGreaterThanOrEqual(0);
    expect(predictions.every((p) => p.prediction!.model!.version === '2' && p.prediction!.predictionId)).toBe(true);
    const missing = await failure(iterateStream(client.BatchPredict({ datasetVersionId: 'nope' }, deadlineIn(10_000))).next());
    expect(missing.code).toBe(GrpcStatus.NOT_FOUND);
  });

  it('lists, gets and validates model versions through the registry RPCs', async () => {
    const { modelVersions } = await callUnary(registry, 'ListModelVersions', { name: MODEL });
    expect(modelVersions.map((v) => v.version)).toEqual(['2', '1']);
    expect(modelVersions.find((v) => v.version === '1')!.aliases).toEqual(['production']);
    const everyName = await callUnary(registry, 'ListModelVersions', { page: { pageSize: 1 } });
    expect(everyName.modelVersions.map((v) => `${v.name}@${v.version}`)).toEqual([`${MODEL}@2`]);
    expect(everyName.page).toMatchObject({ totalSize: 2 });
    const second = await callUnary(registry, 'ListModelVersions', { page: { pageSize: 1, pageToken: everyName.page!.nextPageToken } });
    expect(second.modelVersions.map((v) => `${v.name}@${v.version}`)).toEqual([`${MODEL}@1`]);
    const byAlias = await callUnary(registry, 'GetModelVersion', { model: { name: MODEL } });
    expect(byAlias.modelVersion).toMatchObject({ name: MODEL, version: '1', labels: CLASSES });
    const byVersion = await callUnary(registry, 'GetModelVersion', { model: { name: MODEL, version: '2' } });
    expect(byVersion.modelVersion!.aliases).toEqual([]);
    expect((await failure(callUnary(registry, 'SetModelAlias', { name: MODEL, version: '2', alias: '9lives' }))).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect((await failure(callUnary(registry, 'SetModelAlias', { name: MODEL, version: '7', alias: 'staging' }))).code).toBe(GrpcStatus.NOT_FOUND);
    expect((await failure(callUnary(registry, 'GetModelVersion', { model: { name: MODEL, alias: 'staging' } }))).code).toBe(GrpcStatus.NOT_FOUND);
  });
});
