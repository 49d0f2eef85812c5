// Probes grpc.health.v1 the way Kubernetes and load balancers do.
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

export type HealthStatus = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN' | 'UNKNOWN' | 'UNREACHABLE';

type HealthClient = grpc.Client & {
  check(
    request: { service: string },
    options: grpc.CallOptions,
    callback: grpc.requestCallback<{ status: Exclude<HealthStatus, 'UNREACHABLE'> }>,
  ): grpc.ClientUnaryCall;
};

const HealthClientCtor = grpc.makeGenericClientConstructor(healthService as unknown as grpc.ServiceDefinition, 'Health') as unknown as new (
  address: string,
  credentials: grpc.ChannelCredentials,
) => HealthClient;

/**
 * Health of `service` ('' = the whole server) at address. UNREACHABLE when nothing answers in time;
 * SERVICE_UNKNOWN when the server does not know the service; UNKNOWN when it has no health service.
 */
export function checkHealth(address: string, service = '', deadlineMs = 2000): Promise<HealthStatus> {
  const client = new HealthClientCtor(address, grpc.credentials.createInsecure());
  return new Promise<HealthStatus>((resolve) => {
    client.check({ service }, { deadline: Date.now() + deadlineMs }, (err, response) => {
      if (!err) resolve(response?.status ?? 'UNKNOWN');
      else if (err.code === grpc.status.NOT_FOUND) resolve('SERVICE_UNKNOWN');
      else if (err.code === grpc.status.UNAVAILABLE || err.code === grpc.status.DEADLINE_EXCEEDED) resolve('UNREACHABLE');
      else resolve('UNKNOWN');
    });
  }).finally(() => client.close());
}
