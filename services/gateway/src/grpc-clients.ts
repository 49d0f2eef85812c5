import type { ServiceName } from '@ser/config';
import {
  loadSerProto,
  type ClassifierTrainingServiceClient,
  type FeatureServiceClient,
  type FopPretrainServiceClient,
  type InferenceServiceClient,
  type ModelRegistryServiceClient,
  type VqvaePretrainServiceClient,
} from '@ser/contracts';
import { closeClient, createClient, type ServiceCaller } from '@ser/grpc-kit';

/** One client per platform service the gateway calls; channels connect lazily, on the first call. */
export interface GrpcClients {
  features: FeatureServiceClient;
  fopPretrain: FopPretrainServiceClient;
  vqvaePretrain: VqvaePretrainServiceClient;
  classifierTraining: ClassifierTrainingServiceClient;
  inference: InferenceServiceClient;
  modelRegistry: ModelRegistryServiceClient;
  close(): void;
}

/** `serviceToken`: signs every call as the gateway, for services that require service tokens on mutations. */
export function createGrpcClients(addresses: Record<ServiceName, string>, deadlineMs: number, serviceToken?: ServiceCaller): GrpcClients {
  const v1 = loadSerProto().grpc.ser.v1;
  const opts = { deadlineMs, serviceToken };
  const clients = {
    features: createClient<FeatureServiceClient>(v1.FeatureService, addresses.features, opts),
    fopPretrain: createClient<FopPretrainServiceClient>(v1.FopPretrainService, addresses.fopPretrainer, opts),
    vqvaePretrain: createClient<VqvaePretrainServiceClient>(v1.VqvaePretrainService, addresses.vqvaePretrainer, opts),
    classifierTraining: createClient<ClassifierTrainingServiceClient>(v1.ClassifierTrainingService, addresses.classifierTrainer, opts),
    inference: createClient<InferenceServiceClient>(v1.InferenceService, addresses.inference, opts),
    modelRegistry: createClient<ModelRegistryServiceClient>(v1.ModelRegistryService, addresses.modelRegistry, opts),
  };
  return { ...clients, close: () => Object.values(clients).forEach(closeClient) };
}
