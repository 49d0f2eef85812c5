import { checkHealth } from '@ser/grpc-kit';
import { SERVICE_NAMES, type ServiceName } from '@ser/config';
import type { GatewayContext } from '../context';

/** Platform names of the services, as clients and deploy manifests spell them. */
const SERVICE_LABELS: Record<ServiceName, string> = {
  features: 'features',
  fopPretrainer: 'fop-pretrainer',
  vqvaePretrainer: 'vqvae-pretrainer',
  classifierTrainer: 'classifier-trainer',
  inference: 'inference',
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
    return [...services, { service: 'gateway', address: null, status: 'SERVING' }];
  },
};
