import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { decodeFeatureData, loadSerProto, type FeatureServiceClient, type IngestDatasetResponse__Output } from '@ser/contracts';
import { createInProcessBus, TOPICS, type Envelope, type InProcessBus } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { addBadFiles, writeUrduLikeCorpus } from './urdu-like-corpus';

describe('features service ingestion (embedded bus and store)', () => {
  let dataDir: string;
  let corpus: string;
  let bus: InProcessBus;
  let platform: Platform;
  let service: RunningService;
  let client: FeatureServiceClient;
  const ready: Envelope[] = [];
  const dead: Envelope[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-ingest-'));
    corpus = join(dataDir, 'corpora', 'urdu-like');
    mkdirSync(corpus, { recursive: true });
    await writeUrduLikeCorpus(corpus, 3);
    await addBadFiles(corpus);
    bus = createInProcessBus();
    platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '2' }, overrides: ['--ports.features=0'] }), { bus });
    service = await startFeaturesService(platform);
    client = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, service.address, { deadlineMs: 120_000 });
    await bus.subscribe({ groupId: 'test-ready', topics: [TOPICS.featuresReady], fromBeginning: true, handler: async (e) => void ready.push(e) });
    await bus.subscribe({ groupId: 'test-dead', topics: [TOPICS.deadLetter], fromBeginning: true, handler: async (e) => void dead.push(e) });
  }, 120_000);

  afterAll(async () => {
    closeClient(client);
    await service?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ingest = async (uri: string): Promise<IngestDatasetResponse__Output[]> => {
    const messages: IngestDatasetResponse__Output[] = [];
    for await (const m of iterateStream(client.IngestDataset({ corpusName: 'urdu-like', format: 'DATASET_FORMAT_URDU', uri }))) messages.push(m);
    return messages;
  };

  it('ingests every good file, reports the three bad ones and announces features.ready', async () => {
    const messages = await ingest(corpus);
    const last = messages.at(-1)!;
    expect(last.stage).toBe('INGESTION_STAGE_DONE');
    expect(messages.some((m) => m.stage === 'INGESTION_STAGE_EXTRACTING')).toBe(true);
    expect(last.report!.utterancesIngested).toBe(12);
    const reasons = Object.fromEntries(last.report!.skippedFiles.map((s) => [s.path, s.reason.split(':')[0]]));
    expect(reasons).toEqual({ 'Angry/SM1_F90_A090.wav': 'truncated', 'Happy/SM1_F91_H091.wav': 'empty', 'Sad/SM1_F92_S092.wav': 'unsupported' });
    expect(last.datasetVersion!.classCounts).toEqual({ angry: 3, happy: 3, neutral: 3, sad: 3 });
    await expect.poll(() => ready.length).toBe(1);
    expect(ready[0]!.data).toMatchObject({ datasetId: last.datasetVersion!.id, utteranceCount: 12, skippedCount: 3 });
  });

  it('reads back features identical in shape to the front end, 80 mels at 100 frames/s', async () => {
    const version = (await platform.store.datasets.latestVersion('urdu-like'))!;
    const rows = [];
    for await (const r of iterateStream(client.ReadFeatures({ datasetVersionId: version.id, kind: 'FEATURE_KIND_LOG_MEL' }))) rows.push(r);
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.features!.dims).toBe(80);
      expect(decodeFeatureData(r.features!.data).length).toBe(r.features!.frames * 80);
      expect(r.features!.frames).toBe(1 + Math.floor((r.utterance!.durationSeconds * 16000) / 160));
      expect(Array.from(decodeFeatureData(r.features!.data)).every(Number.isFinite)).toBe(true);
    }
    const segs = [];
    for await (const r of iterateStream(
      client.ReadFeatures({ datasetVersionId: version.id, kind: 'FEATURE_KIND_SPECTROGRAM_SEGMENTS', utteranceIds: [rows[0]!.utterance!.id] }),
    ))
      segs.push(r);
    expect(segs[0]!.features).toMatchObject({ segmentFrames: 32, dims: 129 });
  });

  it('makes no new version when the same content is ingested again', async () => {
    const last = (await ingest(corpus)).at(-1)!;
    expect(last.message).toMatch(/already ingested/);
    const versions = await platform.store.datasets.listVersions('urdu-like');
    expect(versions.totalCount).toBe(1);
    expect(ready).toHaveLength(1);
  });

  it('ingests a corpus.published event, and skips its redelivery', async () => {
    const other = join(dataDir, 'corpora', 'second');
    mkdirSync(other);
    await writeUrduLikeCorpus(other, 1);
    const event = await bus.publish(TOPICS.corpusPublished, { corpusName: 'second', format: 'urdu', uri: other });
    await expect.poll(() => ready.length, { timeout: 60_000 }).toBe(2);
    expect(ready[1]!.data).toMatchObject({ corpusName: 'second', utteranceCount: 4 });
    expect(await platform.store.processedEvents.isProcessed('features.corpus-published', event.id)).toBe(true);
    await bus.publish(TOPICS.corpusPublished, { corpusName: 'second', format: 'urdu', uri: other }, { id: event.id });
    await new Promise((r) => setTimeout(r, 500));
    expect(ready).toHaveLength(2);
  });

  it('dead-letters an event for a location outside the corpus roots, and rejects it over gRPC', async () => {
    await bus.publish(TOPICS.corpusPublished, { corpusName: 'escape', format: 'urdu', uri: tmpdir() });
    await expect.poll(() => dead.length, { timeout: 30_000 }).toBe(1);
    expect((dead[0]!.data as { reason: string }).reason).toMatch(/outside the allowed corpus roots/);
    const err = await ingest(tmpdir()).catch((e: unknown) => e);
    expect((err as { code: number }).code).toBe(7); // PERMISSION_DENIED
    // A link inside a root that leads out of it is the same escape, and the error says where it leads.
    const link = join(dataDir, 'corpora', 'looks-inside');
    const outside = mkdtempSync(join(tmpdir(), 'ser-outside-'));
    symlinkSync(outside, link);
    const viaLink = (await ingest(link).catch((e: unknown) => e)) as { code: number; details: string };
    rmSync(outside, { recursive: true });
    expect(viaLink.code).toBe(7);
    expect(viaLink.details).toMatch(/looks-inside' is outside the allowed corpus roots \(it resolves to .*ser-outside-.* through a symbolic link\)/);
  });

  it('dead-letters a malformed event and keeps consuming', async () => {
    bus.appendRaw(TOPICS.corpusPublished, Buffer.from('{"not": "a cloudevent"'));
    await expect.poll(() => dead.length, { timeout: 30_000 }).toBe(2);
    const third = join(dataDir, 'corpora', 'third');
    mkdirSync(third);
    await writeUrduLikeCorpus(third, 1);
    await bus.publish(TOPICS.corpusPublished, { corpusName: 'third', format: 'urdu', uri: third });
    await expect.poll(() => ready.length, { timeout: 60_000 }).toBe(3);
  });
});
