// Service-to-service authentication: clients attach a signed service token to every call, servers check it on
// every RPC that changes something. An RPC is read-only only when its .proto says so
// (`option idempotency_level = NO_SIDE_EFFECTS;`): a new RPC is protected until someone declares it harmless.
// Health and reflection are not ser services and stay open (probes and grpcurl carry no token).
import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@ser/logging';
import { assertServiceSecret, mintServiceToken, ServiceTokenError, verifyServiceToken } from './service-token';

/** Metadata key the token travels in, as `Bearer <token>` (the usual place for credentials in gRPC). */
export const SERVICE_TOKEN_METADATA_KEY = 'authorization';

export interface ServiceCaller {
  /** This process's identity in the tokens it sends ('gateway', 'classifier-trainer', 'operator', ...). */
  caller: string;
  secret: string;
  ttlSeconds?: number;
}

export interface ServiceAuthPolicy {
  secret: string;
  /** Callers allowed to call the mutating RPCs of each served service, by full name. */
  allowedCallers: Readonly<Record<string, readonly string[]>>;
  /** Callers allowed for a service allowedCallers does not list; none when absent. */
  defaultCallers?: readonly string[];
}

/** Client interceptor: a fresh token for the called service on every call that carries no authorization yet. */
export function serviceTokenInterceptor(auth: ServiceCaller): grpc.Interceptor {
  assertServiceSecret(auth.secret);
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        if (metadata.get(SERVICE_TOKEN_METADATA_KEY).length === 0) {
          const audience = serviceOfPath(options.method_definition.path);
          metadata.set(
            SERVICE_TOKEN_METADATA_KEY,
            `Bearer ${mintServiceToken(auth.secret, { caller: auth.caller, audience }, { ttlSeconds: auth.ttlSeconds })}`,
          );
        }
        next(metadata, listener);
      },
    });
}

/** 'ser.v1.FeatureService' of '/ser.v1.FeatureService/IngestDataset'. */
function serviceOfPath(path: string): string {
  return path.split('/')[1] ?? '';
}

/** True when the method's descriptor declares it free of side effects (proto-loader keeps method options). */
export function isReadOnlyMethod(method: grpc.MethodDefinition<unknown, unknown>): boolean {
  const options = (method as { options?: { idempotency_level?: string } }).options;
  return options?.idempotency_level === 'NO_SIDE_EFFECTS';
}

/** Paths of the mutating RPCs among `services`, each with its service's full name. */
export function mutatingPaths(services: ReadonlyArray<{ name: string; definition: grpc.ServiceDefinition }>): Map<string, string> {
  const paths = new Map<string, string>();
  for (const service of services) {
    for (const method of Object.values(service.definition)) if (!isReadOnlyMethod(method)) paths.set(method.path, service.name);
  }
  return paths;
}

/**
 * Server interceptor refusing a mutating RPC before its handler runs: UNAUTHENTICATED without a valid token
 * (missing, wrong signature, expired, meant for another service), PERMISSION_DENIED for a caller the policy
 * does not list. startGrpcServer puts it last among the server's interceptors, so the others (metrics) see the refusal.
 */
export function serviceAuthInterceptor(
  policy: ServiceAuthPolicy,
  services: ReadonlyArray<{ name: string; definition: grpc.ServiceDefinition }>,
  logger?: Logger,
): grpc.ServerInterceptor {
  assertServiceSecret(policy.secret);
  const protectedPaths = mutatingPaths(services);
  return (method, call) => {
    const service = protectedPaths.get(method.path);
    if (service === undefined) return new grpc.ServerInterceptingCall(call);
    return new grpc.ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, passOn) {
            const refusal = checkCaller(policy, service, metadata);
            if (!refusal) return passOn(metadata);
            logger?.warn({ method: method.path, code: grpc.status[refusal.code], reason: refusal.details }, 'service call refused');
            call.sendStatus({ ...refusal, metadata: new grpc.Metadata() });
          },
        });
      },
    });
  };
}

function checkCaller(policy: ServiceAuthPolicy, service: string, metadata: grpc.Metadata): { code: grpc.status; details: string } | null {
  const header = metadata.get(SERVICE_TOKEN_METADATA_KEY)[0];
  const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
  if (!token) return { code: grpc.status.UNAUTHENTICATED, details: `${service} needs a service token for this call (authorization: Bearer <token>)` };
  let caller: string;
  try {
    caller = verifyServiceToken(policy.secret, token, service).iss;
  } catch (err) {
    if (!(err instanceof ServiceTokenError)) throw err;
    return { code: grpc.status.UNAUTHENTICATED, details: err.message };
  }
  const allowed = policy.allowedCallers[service] ?? policy.defaultCallers ?? [];
  if (!allowed.includes(caller))
    return { code: grpc.status.PERMISSION_DENIED, details: `caller '${caller}' may not change ${service} (allowed: ${allowed.join(', ') || 'none'})` };
  return null;
}
