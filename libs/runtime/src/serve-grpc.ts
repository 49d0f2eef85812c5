import { loadSerProto } from '@ser/contracts';
import { startGrpcServer, type ServiceRegistration } from '@ser/grpc-kit';
import { acquireMetricsServer, grpcMetricsInterceptor } from './metrics';
import type { Platform } from './platform';
import type { RunningService } from './running-service';
import { serviceAuthPolicy } from './service-auth';

/**
 * Serves a platform service's gRPC registrations (plus health and reflection) on the configured host, counted and
 * timed for Prometheus, mutating RPCs refused without a service token when a secret is configured; the process's
 * /metrics server runs while any service it serves does.
 */
export async function serveGrpc(platform: Platform, opts: { name: string; port: number; services: ServiceRegistration[] }): Promise<RunningService> {
  const logger = platform.logger.child({ service: opts.name });
  const metrics = await acquireMetricsServer({ host: platform.config.grpcHost, port: platform.config.metricsPort, logger });
  const auth = serviceAuthPolicy(platform.config);
  if (!auth) logger.info('service auth off: any caller may make mutating RPCs (set SER_SERVICE_TOKEN_SECRET)');
  let server: Awaited<ReturnType<typeof startGrpcServer>>;
  try {
    server = await startGrpcServer({
      host: platform.config.grpcHost,
      port: opts.port,
      services: opts.services,
      packageDefinition: loadSerProto().reflectionPackageDefinition,
      logger,
      channelOptions: { interceptors: [grpcMetricsInterceptor()] },
      auth,
    });
  } catch (err) {
    await metrics.release();
    throw err;
  }
  return {
    name: opts.name,
    address: server.address,
    async stop() {
      await server.shutdown();
      await metrics.release();
    },
  };
}
