import { loadPlatformConfig } from '@ser/config';
import { acquireMetricsServer, openPlatform, runUntilSignal, serviceCaller } from '@ser/runtime';
import { ensureSecretAdminToken, readBootstrapSecret } from './auth/bootstrap-token';
import { createGateway } from './create-gateway';
import { loadTrustedDocuments } from './trusted-documents';

// The GraphQL gateway on its own (one container in a cluster); services are reached at config.addresses.
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const { config } = platform;
const logger = platform.logger.child({ service: 'gateway' });
// /metrics on SER_METRICS_PORT as in every service (the chart's ServiceMonitor scrapes that port); the gateway's
// own port serves it too.
// The first admin token on a cluster: a Secret the chart mounts (services.gateway.bootstrapAdminToken).
const bootstrapSecret = readBootstrapSecret();
if (bootstrapSecret) await ensureSecretAdminToken(platform.store, bootstrapSecret, logger);
const metrics = await acquireMetricsServer({ host: config.grpcHost, port: config.metricsPort, logger });
const gateway = await createGateway({
  port: config.ports.gateway,
  host: config.grpcHost,
  store: platform.store,
  bus: platform.bus,
  serviceAddresses: config.addresses,
  defaultModelName: config.inference.defaultModelName,
  anonymousRead: config.gateway.anonymousRead,
  corsOrigins: config.gateway.corsOrigins,
  introspection: config.gateway.introspection,
  maxBodyBytes: config.gateway.maxBodyBytes,
  trustedDocuments: config.gateway.trustedDocuments ? loadTrustedDocuments(config.gateway.trustedDocuments) : undefined,
  // An upload the inference service would refuse as too large is refused here, before it crosses the network.
  uploads: { maxFileBytes: config.inference.maxAudioBytes },
  grpcDeadlineMs: config.grpcDeadlineMs,
  serviceToken: serviceCaller(config, 'gateway'),
  logger,
});
runUntilSignal([{ stop: () => platform.close() }, { stop: () => metrics.release() }, gateway], platform.logger);
