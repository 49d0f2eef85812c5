import { loadSerProto, type ClassifierTrainingServiceClient, type FeatureServiceClient, type FopPretrainServiceClient, type VqvaePretrainServiceClient } from '@ser/contracts';
import { closeClient, createClient, type ServiceCaller } from '@ser/grpc-kit';

/** The services an experiment drives, over gRPC. */
export interface ExperimentBackend {
  features: FeatureServiceClient;
  fop: FopPretrainServiceClient;
  classifier: ClassifierTrainingServiceClient;
  /** The VQ-VAE pre-trainer (TACN experiments); absent when no address was given. */
  vqvae?: VqvaePretrainServiceClient;
  /**
   * The checkpoint a finished pre-training run hands on, for a backend that can see the metadata store (the
   * embedded system); used only when the fop-pretrainer's answers do not name one.
   */
  lookupCheckpoint?: (pretrainRunId: string) => Promise<string | undefined>;
}

export interface BackendAddresses {
  features: string;
  fopPretrainer: string;
  classifierTrainer: string;
  vqvaePretrainer?: string;
}

/**
 * gRPC clients for the three services; every unary call carries `deadlineMs` (streams set their own), and is signed
 * with `serviceToken` when given (a platform with service auth refuses unsigned run starts).
 */
export function connectExperimentBackend(addresses: BackendAddresses, deadlineMs = 60_000, serviceToken?: ServiceCaller): ExperimentBackend {
  const proto = loadSerProto().grpc.ser.v1;
  const options = { deadlineMs, serviceToken };
  return {
    features: createClient<FeatureServiceClient>(proto.FeatureService, addresses.features, options),
    fop: createClient<FopPretrainServiceClient>(proto.FopPretrainService, addresses.fopPretrainer, options),
    classifier: createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, addresses.classifierTrainer, options),
    ...(addresses.vqvaePretrainer ? { vqvae: createClient<VqvaePretrainServiceClient>(proto.VqvaePretrainService, addresses.vqvaePretrainer, options) } : {}),
  };
}

export function closeExperimentBackend(backend: ExperimentBackend): void {
  closeClient(backend.features);
  closeClient(backend.fop);
  closeClient(backend.classifier);
  if (backend.vqvae) closeClient(backend.vqvae);
}
