import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassifierTrainerService } from '@ser/classifier-trainer';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type ClassifierTrainingServiceClient, type FeatureServiceClient, type InferenceServiceClient, type Run__Output } from '@ser/contracts';
import { startFeaturesService } from '@ser/features-service';
import { callUnary, closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { startInferenceService } from '@ser/inference';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { writeFourSpeakerCorpus } from '../classifier/four-speaker-corpus';
import { TINY_FOP, wavClip } from './model-fixtures';

const RUN = { method: 'fop-fine-tune', epochs: 2, batchSize: 8, cropFrames: 40, patience: 5, seed: 3, protocol: { kind: 'speaker-holdout' }, model: TINY_FOP };

describe('a classifier run registers its model, which inference then serves', () => {
  let dataDir: string;
  let platform: Platform;
  const services: RunningService[] = [];
  let trainer: ClassifierTrainingServiceClient;
  let inference: InferenceServiceClient;
  let datasetVersionId = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-registry-'));
    const corpus = join(dataDir, 'corpora', 'four');
    mkdirSync(corpus, { recursive: true });
    await writeFourSpeakerCorpus(corpus, 2);
    const config = loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' }, overrides: ['--ports.features=0'] });
    platform = await openPlatform(config);
    const features = await startFeaturesService(platform);
    services.push(features);
    services.push(await startClassifierTrainerService(platform, { port: 0, featuresAddress: features.address }));
    services.push(await startInferenceService(platform, { port: 0, featuresAddress: features.address }));
    const proto = loadSerProto().grpc.ser.v1;
    const featureClient = createClient<FeatureServiceClient>(proto.FeatureService, features.address, { deadlineMs: 120_000 });
    for await (const m of iterateStream(featureClient.IngestDataset({ corpusName: 'four', format: 'DATASET_FORMAT_URDU', uri: corpus }))) {
      if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
    }
    closeClient(featureClient);
    trainer = createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, services[1]!.address, { deadlineMs: 30_000 });
    inference = createClient<InferenceServiceClient>(proto.InferenceService, services[2]!.address, { deadlineMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    if (trainer) closeClient(trainer);
    if (inference) closeClient(inference);
    for (const s of services.reverse()) await s.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers the kept model with metrics and lineage, and promotes it to production for inference', async () => {
    const started = await callUnary(trainer, 'StartClassifierRun', { configJson: JSON.stringify(RUN), datasetVersionIds: [datasetVersionId], modelName: 'tiny-emotion' });
    let final: Run__Output | null = null;
    for await (const m of iterateStream(trainer.WatchClassifierRun({ runId: started.run!.id }, deadlineIn(300_000)))) if (m.run) final = m.run;
    expect(final!.status, final!.error).toBe('RUN_STATUS_SUCCEEDED');
    expect(final!.outputModel).toEqual({ name: 'tiny-emotion', version: '1' });

    const got = await callUnary(trainer, 'GetClassifierRun', { runId: final!.id });
    const version = got.modelVersion!;
    expect(version).toMatchObject({ name: 'tiny-emotion', version: '1', labels: ['angry', 'happy', 'neutral', 'sad'], aliases: [] });
    expect(version.metrics.wa).toBeCloseTo(final!.metrics.wa!, 10);
    expect(version.metrics.ua).toBeCloseTo(final!.metrics.ua!, 10);
    expect(version.lineage).toMatchObject({ datasetVersionIds: [datasetVersionId], runId: final!.id, checkpointId: '' });
    expect(version.lineage!.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version.checkpointId).toBe(got.checkpoints.at(-1)!.id);
    const stored = await platform.store.models.findVersion('tiny-emotion', 1);
    expect((stored!.lineage.config as { epochs: number }).epochs).toBe(2);

    await callUnary(trainer, 'SetModelAlias', { name: 'tiny-emotion', version: '1', alias: 'production' });
    const { prediction } = await callUnary(inference, 'Predict', { audio: { content: wavClip(0.8) }, model: { name: 'tiny-emotion' } });
    expect(prediction!.model).toEqual({ name: 'tiny-emotion', version: '1' });
    expect(version.labels).toContain(prediction!.label);
  });
});
