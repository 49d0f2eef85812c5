import { loadSerProto } from '@ser/contracts';
import { startGrpcServer, type ServiceRegistration } from '@ser/grpc-kit';
import type { Platform } from './platform';
import type { RunningService } from './running-service';

/** Serves a platform service's gRPC registrations (plus health and reflection) on the configured host. */
export async function serveGrpc(
  platform: Platform,
  opts: { name: string; port: number; services: ServiceRegistration[] },
): Promise<RunningService> {
  const logger = platform.logger.child({ service: opts.name });
  const server = await startGrpcServer({
    host: platform.config.grpcHost,
    port: opts.port,
    services: opts.services,
    packageDefinition: loadSerProto().reflectionPackageDefinition,
    logger,
  });
  return { name: opts.name, address: server.address, stop: () => server.shutdown() };
}
