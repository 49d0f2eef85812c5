import { loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { createGateway } from './create-gateway';

// The GraphQL gateway on its own (one container in a cluster); services are reached at config.addresses.
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const gateway = await createGateway({
  port: platform.config.ports.gateway,
  host: platform.config.grpcHost,
  store: platform.store,
  bus: platform.bus,
  serviceAddresses: platform.config.addresses,
  anonymousRead: platform.config.gateway.anonymousRead,
  grpcDeadlineMs: platform.config.grpcDeadlineMs,
  logger: platform.logger.child({ service: 'gateway' }),
});
runUntilSignal([{ stop: () => platform.close() }, gateway], platform.logger);
