import type { ServiceName } from '@ser/config';
import { createInProcessBus, type InProcessBus } from '@ser/events';
import { createGateway, type GatewayOptions, type RunningGateway } from '@ser/gateway';
import { createLogger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';

/** Nothing listens here: calls to a service the test does not provide fail UNAVAILABLE, fast. */
const NOWHERE = '127.0.0.1:1';

export interface TestGateway {
  gateway: RunningGateway;
  store: MetadataStore;
  bus: InProcessBus;
  tokens: { viewer: string; operator: string; admin: string };
  stop(): Promise<void>;
}

/** A gateway on port 0 over an in-memory PGlite store and an in-process bus, with one token per role. */
export async function startTestGateway(opts: Partial<Pick<GatewayOptions, 'anonymousRead' | 'limits' | 'uploads' | 'logger'>> & { addresses?: Partial<Record<ServiceName, string>> } = {}): Promise<TestGateway> {
  const store = await openMetadataStore({ kind: 'pglite' });
  const bus = createInProcessBus();
  const serviceAddresses = { features: NOWHERE, fopPretrainer: NOWHERE, vqvaePretrainer: NOWHERE, classifierTrainer: NOWHERE, inference: NOWHERE, modelRegistry: NOWHERE, ...opts.addresses };
  const gateway = await createGateway({
    port: 0,
    store,
    bus,
    serviceAddresses,
    logger: opts.logger ?? createLogger('gateway-test', { level: 'silent' }),
    grpcDeadlineMs: 5_000,
    anonymousRead: opts.anonymousRead,
    limits: opts.limits,
    uploads: opts.uploads,
  });
  const token = async (role: 'viewer' | 'operator' | 'admin') => (await store.apiTokens.create({ name: `test-${role}`, role })).token;
  const tokens = { viewer: await token('viewer'), operator: await token('operator'), admin: await token('admin') };
  return {
    gateway,
    store,
    bus,
    tokens,
    async stop() {
      await gateway.stop();
      await bus.close();
      await store.close();
    },
  };
}
