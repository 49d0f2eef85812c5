// One in-process platform for classifier-run tests: the features service with a four-speaker corpus ingested,
// the classifier trainer reading it over gRPC and registering kept models with the model registry, and pre-training checkpoints written in the pre-trainers' formats.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassifierTrainerService } from '@ser/classifier-trainer';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type ClassifierTrainingServiceClient, type FeatureServiceClient, type Run__Output } from '@ser/contracts';
import { createInProcessBus, TOPICS, type Envelope, type InProcessBus } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { startModelRegistryService } from '@ser/model-registry';
import { saveVariables, type NamedVariables } from '@ser/models';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import type { JsonObject } from '@ser/store';
import { writeFourSpeakerCorpus } from './four-speaker-corpus';

export interface ClassifierHarness {
  dataDir: string;
  bus: InProcessBus;
  platform: Platform;
  features: RunningService;
  registry: RunningService;
  trainer: RunningService;
  client: ClassifierTrainingServiceClient;
  datasetVersionId: string;
  /** checkpoint.saved events, in arrival order. */
  saved: Envelope[];
  /** Follows a run to its end and returns its last snapshot. */
  watchToEnd(runId: string, timeoutMs?: number): Promise<Run__Output>;
  stop(): Promise<void>;
}

export async function startClassifierHarness(name: string, utterancesPerEmotion = 2): Promise<ClassifierHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), `ser-${name}-`));
  const corpus = join(dataDir, 'corpora', 'four');
  mkdirSync(corpus, { recursive: true });
  await writeFourSpeakerCorpus(corpus, utterancesPerEmotion);
  const bus = createInProcessBus();
  const config = loadPlatformConfig({
    env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' },
    overrides: ['--ports.features=0', '--ports.classifierTrainer=0'],
  });
  const platform = await openPlatform(config, { bus });
  const features = await startFeaturesService(platform);
  const registry = await startModelRegistryService(platform, { port: 0 });
  const trainer = await startClassifierTrainerService(platform, { port: 0, featuresAddress: features.address, modelRegistryAddress: registry.address });
  const saved: Envelope[] = [];
  await bus.subscribe({ groupId: `${name}-checkpoints`, topics: [TOPICS.checkpointSaved], fromBeginning: true, handler: async (e) => void saved.push(e) });

  const proto = loadSerProto().grpc.ser.v1;
  const featureClient = createClient<FeatureServiceClient>(proto.FeatureService, features.address, { deadlineMs: 120_000 });
  let datasetVersionId = '';
  for await (const m of iterateStream(featureClient.IngestDataset({ corpusName: 'four', format: 'DATASET_FORMAT_URDU', uri: corpus }))) {
    if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
  }
  closeClient(featureClient);
  const client = createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, trainer.address, { deadlineMs: 30_000 });
  return {
    dataDir,
    bus,
    platform,
    features,
    registry,
    trainer,
    client,
    datasetVersionId,
    saved,
    async watchToEnd(runId, timeoutMs = 180_000) {
      let last: Run__Output | null = null;
      for await (const m of iterateStream(client.WatchClassifierRun({ runId }, deadlineIn(timeoutMs)))) if (m.run) last = m.run;
      return last!;
    },
    async stop() {
      closeClient(client);
      await trainer.stop();
      await registry.stop();
      await features.stop();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A pre-training checkpoint made directly in the pre-trainers' format: a run record of `kind` with its model
 * config, a checkpoint record, and checkpoints/<run>/epoch-0000/{checkpoint.json, weights.bin, extra files}.
 */
export async function writePretrainedCheckpoint(
  platform: Platform,
  kind: 'fop-pretrain' | 'vqvae-pretrain',
  model: JsonObject,
  variables: NamedVariables,
  extraFiles: Record<string, unknown> = {},
): Promise<string> {
  const run = await platform.store.runs.create({ kind, config: { model } });
  const { data, manifest } = saveVariables(variables);
  const prefix = `checkpoints/${run.id}/epoch-0000`;
  await platform.artifacts.put(`${prefix}/weights.bin`, data);
  await platform.artifacts.put(`${prefix}/checkpoint.json`, Buffer.from(JSON.stringify({ weights: { manifest } })));
  for (const [file, content] of Object.entries(extraFiles)) await platform.artifacts.put(`${prefix}/${file}`, Buffer.from(JSON.stringify(content)));
  return (await platform.store.checkpoints.add({ runId: run.id, epoch: 0, artifactKey: prefix })).id;
}
