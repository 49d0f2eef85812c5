import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactStore } from '@ser/artifacts';
import { loadPlatformConfig, type ServiceName } from '@ser/config';
import { createInProcessBus, type InProcessBus } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { createGateway, type GatewayOptions, type RunningGateway } from '@ser/gateway';
import { createLogger } from '@ser/logging';
import { startModelRegistryService } from '@ser/model-registry';
import { openPlatform } from '@ser/runtime';
import { openMetadataStore, type MetadataStore } from '@ser/store';

/** Nothing listens here: calls to a service the test does not provide fail UNAVAILABLE, fast. */
const NOWHERE = '127.0.0.1:1';

export interface TestGateway {
  gateway: RunningGateway;
  store: MetadataStore;
  bus: InProcessBus;
  /** The model registry's artifact store, where kept models (and their exports) live. */
  artifacts: ArtifactStore;
  tokens: { viewer: string; operator: string; admin: string };
  stop(): Promise<void>;
}

export interface TestGatewayOptions extends Partial<Pick<GatewayOptions, 'anonymousRead' | 'limits' | 'uploads' | 'logger'>> {
  addresses?: Partial<Record<ServiceName, string>>;
  /** Also start the real features service (port 0, same store and bus), reading corpora under these roots. */
  features?: { corpusRoots: string[] };
}

/**
 * A gateway on port 0 over an in-memory PGlite store and an in-process bus, with one token per role, and the model
 * registry (port 0, same store and bus) that the gateway reads models through.
 */
export async function startTestGateway(opts: TestGatewayOptions = {}): Promise<TestGateway> {
  const store = await openMetadataStore({ kind: 'pglite' });
  const bus = createInProcessBus();
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-gw-registry-'));
  const logger = createLogger('model-registry-test', { level: 'silent' });
  const featuresEnv = opts.features ? { SER_CORPUS_ROOTS: opts.features.corpusRoots.join(','), SER_FEATURE_WORKERS: '1' } : {};
  const env = { SER_DATA_DIR: dataDir, SER_METRICS_PORT: '0', ...featuresEnv };
  const platform = await openPlatform(loadPlatformConfig({ env }), { store, bus, logger });
  const registry = await startModelRegistryService(platform, { port: 0 });
  const features = opts.features ? await startFeaturesService(platform, { port: 0 }) : null;
  const serviceAddresses = {
    features: features?.address ?? NOWHERE,
    fopPretrainer: NOWHERE,
    vqvaePretrainer: NOWHERE,
    classifierTrainer: NOWHERE,
    inference: NOWHERE,
    modelRegistry: registry.address,
    ...opts.addresses,
  };
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
    artifacts: platform.artifacts,
    tokens,
    async stop() {
      await gateway.stop();
      await features?.stop();
      await registry.stop();
      await bus.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
