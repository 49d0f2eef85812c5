import {
  loadSerProto,
  type ClassifierTrainingServiceClient,
  type FeatureServiceClient,
  type FopPretrainServiceClient,
  type VqvaePretrainServiceClient,
} from '@ser/contracts';
import type { RunKind } from '@ser/events';
import { closeClient, createClient, type ServiceCaller } from '@ser/grpc-kit';
import { waitForReadyInterceptor } from './wait-for-trainers';

/** What a trainer's Start…Run RPC is asked, and what a queueing backend plans the run from. */
export interface StartRunRequest {
  configJson: string;
  datasetVersionIds: string[];
  displayName?: string;
  modelName?: string;
}

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
  /**
   * Queues a run in the store (the gateway's way, with the trainers' own planner) instead of calling the trainer's
   * Start RPC, and answers its id: trainers that scale to zero on that queue (KEDA) may have no pod up to answer.
   * Connect the trainer clients with `waitForTrainers` then, so watching the run waits for the pod the run brings up.
   */
  queueRun?: (kind: RunKind, request: StartRunRequest) => Promise<string>;
}

export interface BackendAddresses {
  features: string;
  fopPretrainer: string;
  classifierTrainer: string;
  vqvaePretrainer?: string;
}

/**
 * gRPC clients for the three services; every unary call carries `deadlineMs` (streams set their own), and is signed
 * with `serviceToken` when given (a platform with service auth refuses unsigned run starts). `waitForTrainers`: the
 * trainers' calls wait (within their deadlines) for a trainer to be reachable instead of failing UNAVAILABLE at once,
 * for trainers scaled to zero that a queued run brings up.
 */
export function connectExperimentBackend(
  addresses: BackendAddresses,
  deadlineMs = 60_000,
  serviceToken?: ServiceCaller,
  waitForTrainers = false,
): ExperimentBackend {
  const proto = loadSerProto().grpc.ser.v1;
  const options = { deadlineMs, serviceToken };
  // A trainer scaled to zero is unreachable until its pod starts; grpc-js backs off reconnecting up to 120 s by default,
  // so a waiting call could notice the new pod minutes late. 5 s keeps it prompt at a few connection attempts a minute.
  const trainers = waitForTrainers
    ? { ...options, channelOptions: { 'grpc.max_reconnect_backoff_ms': 5_000, interceptors: [waitForReadyInterceptor] } }
    : options;
  return {
    features: createClient<FeatureServiceClient>(proto.FeatureService, addresses.features, options),
    fop: createClient<FopPretrainServiceClient>(proto.FopPretrainService, addresses.fopPretrainer, trainers),
    classifier: createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, addresses.classifierTrainer, trainers),
    ...(addresses.vqvaePretrainer ? { vqvae: createClient<VqvaePretrainServiceClient>(proto.VqvaePretrainService, addresses.vqvaePretrainer, trainers) } : {}),
  };
}

export function closeExperimentBackend(backend: ExperimentBackend): void {
  closeClient(backend.features);
  closeClient(backend.fop);
  closeClient(backend.classifier);
  if (backend.vqvae) closeClient(backend.vqvae);
}
