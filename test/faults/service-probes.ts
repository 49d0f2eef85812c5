// One real call per platform service that needs its database (a read, and a recorded prediction), plus the gateway's
// health of them all: what the PostgreSQL fault test runs before the fault, during it and after it.
import {
  loadSerProto,
  type ClassifierTrainingServiceClient,
  type FeatureServiceClient,
  type FopPretrainServiceClient,
  type InferenceServiceClient,
  type ModelRegistryServiceClient,
  type VqvaePretrainServiceClient,
} from '@ser/contracts';
import { callUnary, closeClient, createClient } from '@ser/grpc-kit';
import type { Client } from '@grpc/grpc-js';

export type ProbedService = 'features' | 'fopPretrainer' | 'vqvaePretrainer' | 'classifierTrainer' | 'inference' | 'modelRegistry' | 'gateway';
/** 'ok' or why the call failed. */
export type ProbeResults = Record<ProbedService, string>;

export interface ProbeTargets {
  addresses: Record<Exclude<ProbedService, 'gateway'>, string>;
  gatewayUrl: string;
  /** A clip the inference service's default model answers. */
  clip: Buffer;
}

const DEADLINE_MS = 15_000;
const WANTED_HEALTH = ['features', 'fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer', 'inference', 'model-registry', 'gateway'];

export async function probeServices(t: ProbeTargets): Promise<ProbeResults> {
  const v1 = loadSerProto().grpc.ser.v1;
  const call = async <C extends Client>(Ctor: unknown, address: string, fn: (client: C) => Promise<unknown>): Promise<string> => {
    const client = createClient<C>(Ctor as never, address, { deadlineMs: DEADLINE_MS });
    try {
      await fn(client);
      return 'ok';
    } catch (err) {
      return (err as Error).message;
    } finally {
      closeClient(client);
    }
  };
  const [features, fopPretrainer, vqvaePretrainer, classifierTrainer, inference, modelRegistry, gateway] = await Promise.all([
    call<FeatureServiceClient>(v1.FeatureService, t.addresses.features, (c) => callUnary(c, 'ListDatasets', {})),
    call<FopPretrainServiceClient>(v1.FopPretrainService, t.addresses.fopPretrainer, (c) => callUnary(c, 'ListFopPretrainRuns', {})),
    call<VqvaePretrainServiceClient>(v1.VqvaePretrainService, t.addresses.vqvaePretrainer, (c) => callUnary(c, 'ListVqvaePretrainRuns', {})),
    call<ClassifierTrainingServiceClient>(v1.ClassifierTrainingService, t.addresses.classifierTrainer, (c) => callUnary(c, 'ListClassifierRuns', {})),
    // Recorded: the prediction row is a write.
    call<InferenceServiceClient>(v1.InferenceService, t.addresses.inference, (c) => callUnary(c, 'Predict', { audio: { content: t.clip } })),
    call<ModelRegistryServiceClient>(v1.ModelRegistryService, t.addresses.modelRegistry, (c) => callUnary(c, 'ListModels', {})),
    probeGateway(t.gatewayUrl),
  ]);
  return { features, fopPretrainer, vqvaePretrainer, classifierTrainer, inference, modelRegistry, gateway };
}

/** Every service SERVING in the gateway's health, and a query the gateway answers from the database. */
async function probeGateway(url: string): Promise<string> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { service status } predictions { totalCount } }' }),
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    const body = (await res.json()) as { data?: { health: Array<{ service: string; status: string }> }; errors?: Array<{ message: string }> };
    if (body.errors?.length) return body.errors.map((e) => e.message).join('; ');
    // The schema's enum (FOP_PRETRAINER) against the platform's names (fop-pretrainer).
    const serving = new Set(body.data?.health.filter((h) => h.status === 'SERVING').map((h) => h.service.toLowerCase().replace(/_/g, '-')));
    const notServing = WANTED_HEALTH.filter((s) => !serving.has(s));
    return notServing.length ? `not SERVING: ${notServing.join(', ')} (${JSON.stringify(body.data?.health)})` : 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}
