import { join, resolve } from 'node:path';
import { createArtifactStore, type ArtifactStore, type ArtifactStoreSpec } from '@ser/artifacts';
import type { PlatformConfig } from '@ser/config';
import { busMetrics, createInProcessBus, KafkaEventBus, type EventBus } from '@ser/events';
import { createLogger, resolveLogFormat, type Logger } from '@ser/logging';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { getMetricsRegistry } from './metrics';

/** The shared resources a service process needs: metadata, events, artifacts, logs. */
export interface Platform {
  config: PlatformConfig;
  logger: Logger;
  store: MetadataStore;
  bus: EventBus;
  artifacts: ArtifactStore;
  /** What `artifacts` was opened from, for worker threads that open their own. */
  artifactStore: ArtifactStoreSpec;
  close(): Promise<void>;
}

/** The artifact store the config names: `artifacts.store` (a directory or s3://…), else `<dataDir>/artifacts`. */
export function artifactStoreSpec(config: PlatformConfig): ArtifactStoreSpec {
  const location = config.artifacts.store ?? join(resolve(config.dataDir), 'artifacts');
  if (!location.startsWith('s3://')) return { location: resolve(location) };
  const { endpoint, region, forcePathStyle } = config.artifacts.s3;
  return { location, s3: { region, ...(endpoint && { endpoint }), ...(forcePathStyle !== undefined && { forcePathStyle }) } };
}

/**
 * Opens the store and the bus the config names. A failed connection rejects: the caller exits non-zero
 * rather than serving without its dependencies.
 */
export async function openPlatform(config: PlatformConfig, opts: { logger?: Logger; bus?: EventBus; store?: MetadataStore } = {}): Promise<Platform> {
  const logger = opts.logger ?? createLogger('ser', { level: config.logLevel, format: resolveLogFormat({ SER_LOG_FORMAT: config.logFormat }) });
  const dataDir = resolve(config.dataDir);
  const store =
    opts.store ??
    (await openMetadataStore(
      config.store.kind === 'pglite'
        ? { kind: 'pglite', dataDir: join(dataDir, 'pglite') }
        : { kind: 'postgres', url: config.store.url!, schema: config.store.schema },
    ));
  let bus: EventBus;
  const metrics = busMetrics(getMetricsRegistry());
  try {
    bus =
      opts.bus ??
      (config.bus.kind === 'memory'
        ? createInProcessBus({ metrics })
        : await KafkaEventBus.fromConfig({
            brokers: config.bus.brokers,
            clientId: config.bus.clientId,
            topicPrefix: config.bus.topicPrefix,
            groupIdPrefix: config.bus.groupIdPrefix,
            security: { tls: config.bus.tls, sasl: config.bus.sasl },
            logger,
            metrics,
          }));
  } catch (err) {
    await store.close();
    throw err;
  }
  const artifactStore = artifactStoreSpec(config);
  const artifacts = createArtifactStore(artifactStore);
  logger.info({ dataDir, store: config.store.kind, bus: config.bus.kind, artifacts: artifactStore.location }, 'platform resources open');
  return {
    config,
    logger,
    store,
    bus,
    artifacts,
    artifactStore,
    async close() {
      await bus.close().catch((err: Error) => logger.warn({ err }, 'closing the event bus failed'));
      await store.close().catch((err: Error) => logger.warn({ err }, 'closing the metadata store failed'));
    },
  };
}
