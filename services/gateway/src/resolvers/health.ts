import { checkHealth } from '@ser/grpc-kit';
import { SERVICE_NAMES, type ServiceName } from '@ser/config';
import type { GatewayContext } from '../context';

/** PlatformService values, from the platform's names of the services (fop-pretrainer -> FOP_PRETRAINER). */
const SERVICE_LABELS: Record<ServiceName, string> = {
  features: 'FEATURES',
  fopPretrainer: 'FOP_PRETRAINER',
  vqvaePretrainer: 'VQVAE_PRETRAINER',
  classifierTrainer: 'CLASSIFIER_TRAINER',
  inference: 'INFERENCE',
  modelRegistry: 'MODEL_REGISTRY',
};

export const healthQuery = {
  async health(_: unknown, __: unknown, ctx: GatewayContext) {
    const services = await Promise.all(
      SERVICE_NAMES.map(async (name) => ({
        service: SERVICE_LABELS[name],
        address: ctx.serviceAddresses[name],
        status: await checkHealth(ctx.serviceAddresses[name]),
      })),
    );
    // Answering this query at all is the gateway's own health.
    return [...services, { service: 'GATEWAY', address: null, status: 'SERVING' }];
  },
};
