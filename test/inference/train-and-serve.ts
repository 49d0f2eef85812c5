import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassifierTrainerService } from '@ser/classifier-trainer';
import { loadPlatformConfig } from '@ser/config';
import {
  loadSerProto,
  type ClassifierTrainingServiceClient,
  type FeatureServiceClient,
  type InferenceServiceClient,
  type ModelRegistryServiceClient,
} from '@ser/contracts';
import { startFeaturesService } from '@ser/features-service';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { startInferenceService } from '@ser/inference';
import { startModelRegistryService } from '@ser/model-registry';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { writeFourSpeakerCorpus } from '../classifier/four-speaker-corpus';

export interface TrainAndServe {
  dataDir: string;
  /** The four-speaker corpus folder (2 clips per speaker and emotion). */
  corpus: string;
  platform: Platform;
  trainer: ClassifierTrainingServiceClient;
  /** Where versions are read and aliases moved. */
  registry: ModelRegistryServiceClient;
  inference: InferenceServiceClient;
  datasetVersionId: string;
  stop(): Promise<void>;
}

/**
 * A fresh data folder with the four-speaker corpus ingested by a features service, and a classifier trainer, the model
 * registry and an inference service beside it (in-process platform, real gRPC): where a test trains a model and then serves it.
 */
export async function startTrainAndServe(
  prefix: string,
  inferenceOptions: NonNullable<NonNullable<Parameters<typeof startInferenceService>[1]>['inference']> = {},
): Promise<TrainAndServe> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const corpus = join(dataDir, 'corpora', 'four');
  mkdirSync(corpus, { recursive: true });
  await writeFourSpeakerCorpus(corpus, 2);
  const config = loadPlatformConfig({
    env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' },
    overrides: ['--ports.features=0'],
  });
  const platform = await openPlatform(config);
  const services: RunningService[] = [];
  const features = await startFeaturesService(platform);
  services.push(features);
  // The registry before the trainer, which registers the kept models there.
  const registryService = await startModelRegistryService(platform, { port: 0 });
  services.push(registryService);
  const trainerService = await startClassifierTrainerService(platform, {
    port: 0,
    featuresAddress: features.address,
    modelRegistryAddress: registryService.address,
  });
  services.push(trainerService);
  const inferenceService = await startInferenceService(platform, {
    port: 0,
    featuresAddress: features.address,
    modelRegistryAddress: registryService.address,
    inference: inferenceOptions,
  });
  services.push(inferenceService);
  const proto = loadSerProto().grpc.ser.v1;
  const featureClient = createClient<FeatureServiceClient>(proto.FeatureService, features.address, { deadlineMs: 120_000 });
  let datasetVersionId = '';
  for await (const m of iterateStream(featureClient.IngestDataset({ corpusName: 'four', format: 'DATASET_FORMAT_URDU', uri: corpus }))) {
    if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
  }
  closeClient(featureClient);
  const trainer = createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, trainerService.address, { deadlineMs: 30_000 });
  const registry = createClient<ModelRegistryServiceClient>(proto.ModelRegistryService, registryService.address, { deadlineMs: 30_000 });
  const inference = createClient<InferenceServiceClient>(proto.InferenceService, inferenceService.address, { deadlineMs: 60_000 });
  return {
    dataDir,
    corpus,
    platform,
    trainer,
    registry,
    inference,
    datasetVersionId,
    async stop() {
      closeClient(trainer);
      closeClient(registry);
      closeClient(inference);
      for (const s of services.reverse()) await s.stop();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
