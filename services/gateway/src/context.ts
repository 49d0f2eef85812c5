import type { ServiceName } from '@ser/config';
import type { Logger } from '@ser/logging';
import type { Principal } from './auth/access';
import type { EventHub } from './event-hub';
import type { GatewayStore } from './gateway-store';
import type { GrpcClients } from './grpc-clients';
import type { TrainingJobs } from './training-jobs';
import { createLoaders, type Loaders } from './loaders';

/** What lives as long as the gateway: shared by every request's context. */
export interface GatewayDeps {
  /** Reads, the run queue and API tokens: no write the gateway does not own is reachable through it. */
  store: GatewayStore;
  serviceAddresses: Record<ServiceName, string>;
  clients: GrpcClients;
  /** Absent when the gateway was started without a bus: subscriptions then answer SERVICE_UNAVAILABLE. */
  hub: EventHub | undefined;
  logger: Logger;
  anonymousRead: boolean;
  /** Training-recipe jobs this gateway started (trainRecipe); absent: the mutation answers SERVICE_UNAVAILABLE. */
  trainingJobs?: TrainingJobs;
  /** The model name of a classifier run started without one (config inference.defaultModelName). */
  defaultModelName?: string;
}

/** Per-request context: shared dependencies, the caller, and batched loaders that live for one request. */
export interface GatewayContext extends GatewayDeps {
  principal: Principal | null;
  loaders: Loaders;
}

export function createContext(deps: GatewayDeps, principal: Principal | null): GatewayContext {
  return { ...deps, principal, loaders: createLoaders(deps.store, deps.clients.modelRegistry) };
}
