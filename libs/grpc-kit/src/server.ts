// A grpc-js server with the things every ser service needs: health, reflection, limits, graceful stop.
import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { createLogger, type Logger } from '@ser/logging';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { serviceAuthInterceptor, type ServiceAuthPolicy } from './service-auth';

/** Largest message accepted or sent: audio uploads and feature matrices exceed grpc-js' 4 MiB default. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** How long shutdown() lets in-flight calls finish before cutting them off. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface ServiceRegistration {
  /** Fully-qualified name, e.g. 'ser.v1.FeatureService'; health reports it under this name. */
  name: string;
  definition: grpc.ServiceDefinition;
  implementation: grpc.UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  /** Interface to bind; 127.0.0.1 by default, services in containers pass 0.0.0.0. */
  host?: string;
  /** Port to bind; 0 picks a free one (see RunningServer.port). */
  port: number;
  services: ServiceRegistration[];
  /** Definition served by reflection (use loadSerProto().reflectionPackageDefinition). */
  packageDefinition: PackageDefinition;
  logger?: Logger;
  maxMessageBytes?: number;
  /** Extra grpc-js server options (keepalive, interceptors, ...). */
  channelOptions?: grpc.ServerOptions;
  /** Service tokens required on the mutating RPCs of `services`; absent: every caller may call every RPC. */
  auth?: ServiceAuthPolicy;
}

export interface RunningServer {
  port: number;
  /** host:port a client on this machine can dial. */
  address: string;
  server: grpc.Server;
  /** Sets the health status of a registered service ('' = the whole server). */
  setServing(name: string, serving: boolean): void;
  /** Marks everything NOT_SERVING, lets in-flight calls finish for graceMs, then forces the rest. */
  shutdown(graceMs?: number): Promise<void>;
}

const HEALTH_SERVICE_NAME = 'grpc.health.v1.Health';

/** Health's own package definition, so reflection lists grpc.health.v1.Health too. */
function healthPackageDefinition(): PackageDefinition {
  return protoLoader.loadSync(healthProtoPath, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
}

function bind(server: grpc.Server, target: string): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(target, grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
  );
}

/** Starts a server with the services, grpc.health.v1 (each service and '' SERVING once bound) and reflection. */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createLogger('grpc');
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  // grpc-js wraps each interceptor around the ones before it: the auth check goes last (outermost towards the
  // handler), so the status it sends passes through the others (metrics count refused calls too).
  const interceptors = [
    ...(options.channelOptions?.interceptors ?? []),
    ...(options.auth ? [serviceAuthInterceptor(options.auth, options.services, logger)] : []),
  ];
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    ...options.channelOptions,
    interceptors,
  });

  const names = new Set(['', ...options.services.map((s) => s.name)]);
  // NOT_SERVING until bound: a probe that reaches us early must not route traffic here yet.
  const health = new HealthImplementation(Object.fromEntries([...names].map((name) => [name, 'NOT_SERVING'])));
  for (const service of options.services) server.addService(service.definition, service.implementation);
  health.addToServer(server);
  // Only what this server serves: the shared definition also describes the other services.
  new ReflectionService(
    { ...options.packageDefinition, ...healthPackageDefinition() },
    { services: [...options.services.map((s) => s.name), HEALTH_SERVICE_NAME] },
  ).addToServer(server);

  // IPv6 literals need brackets in a target.
  const bindHost = host.includes(':') ? `[${host}]` : host;
  const port = await bind(server, `${bindHost}:${options.port}`);
  for (const name of names) health.setStatus(name, 'SERVING');
  const dialHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : bindHost;
  const address = `${dialHost}:${port}`;
  logger.info({ address: `${bindHost}:${port}`, services: [...names].filter(Boolean) }, 'grpc server listening');

  let stopping: Promise<void> | undefined;
  return {
    port,
    address,
    server,
    setServing(name, serving) {
      if (!names.has(name)) throw new Error(`setServing: '${name}' is not a service of this server`);
      health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
    },
    shutdown(graceMs = DEFAULT_SHUTDOWN_GRACE_MS) {
      stopping ??= new Promise<void>((resolve) => {
        for (const name of names) health.setStatus(name, 'NOT_SERVING');
        const force = setTimeout(() => {
          logger.warn({ address, graceMs }, 'grace period over; cancelling remaining calls');
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          logger.info({ address }, 'grpc server stopped');
          resolve();
        });
      });
      return stopping;
    },
  };
}
