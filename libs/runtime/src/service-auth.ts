// Who may change what between the platform's services: the policy servers enforce on mutating RPCs and the
// identity each client signs its calls with (the token itself lives in @ser/grpc-kit).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PlatformConfig } from '@ser/config';
import { SER_SERVICE_NAMES } from '@ser/contracts';
import type { ServiceAuthPolicy, ServiceCaller } from '@ser/grpc-kit';

/** The identities in service tokens: one per service, plus `operator` for the `ser` CLI and npm start's demo seeding. */
export type ServiceCallerName =
  'gateway' | 'features' | 'fop-pretrainer' | 'vqvae-pretrainer' | 'classifier-trainer' | 'inference' | 'model-registry' | 'operator';

const TRAINERS = ['fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer'] as const;

/**
 * Callers allowed to make each service's mutating RPCs. The gateway holds users' roles and the trainers work for
 * it; the operator is whoever holds the secret at a terminal (`ser corpus import`, `ser experiment`).
 */
export const DEFAULT_ALLOWED_CALLERS: Readonly<Record<string, readonly ServiceCallerName[]>> = Object.freeze({
  [SER_SERVICE_NAMES.features]: ['gateway', ...TRAINERS, 'operator'],
  [SER_SERVICE_NAMES.fopPretrain]: ['gateway', 'operator'],
  [SER_SERVICE_NAMES.vqvaePretrain]: ['gateway', 'operator'],
  [SER_SERVICE_NAMES.classifierTraining]: ['gateway', 'operator'],
  [SER_SERVICE_NAMES.inference]: ['gateway', 'operator'],
  // Moving an alias changes what inference serves: the gateway (admins' promote), the trainers, the operator (demo seeding).
  [SER_SERVICE_NAMES.modelRegistry]: ['gateway', ...TRAINERS, 'operator'],
});

/** Where `npm start` leaves the secret it made, so `ser` commands on the same machine can sign their calls. */
export function serviceSecretFile(dataDir: string): string {
  return join(resolve(dataDir), 'service-token.secret');
}

/** What this process's servers enforce: undefined (every RPC open) when no secret is configured. */
export function serviceAuthPolicy(config: PlatformConfig): ServiceAuthPolicy | undefined {
  const { secret, allowedCallers } = config.serviceAuth;
  if (!secret) return undefined;
  if (allowedCallers.length > 0) return { secret, allowedCallers: {}, defaultCallers: allowedCallers };
  // A service added later and not listed yet: the gateway and the operator, as for the others the gateway drives.
  return { secret, allowedCallers: DEFAULT_ALLOWED_CALLERS, defaultCallers: ['gateway', 'operator'] };
}

/**
 * The identity a client signs with: the configured secret, else the one `npm start` wrote under the data
 * folder; undefined when neither exists (calls go unsigned, and a server with service auth refuses mutations).
 */
export function serviceCaller(config: PlatformConfig, caller: ServiceCallerName): ServiceCaller | undefined {
  const secret = config.serviceAuth.secret ?? readSecretFile(config.dataDir);
  return secret ? { caller, secret } : undefined;
}

function readSecretFile(dataDir: string): string | undefined {
  try {
    return readFileSync(serviceSecretFile(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `npm start`: a config whose services require service tokens. Without a configured secret, a fresh random one
 * per start, written (owner-only) where local `ser` commands find it; a configured one is never copied to disk.
 */
export function withServiceSecret(config: PlatformConfig): PlatformConfig {
  const file = serviceSecretFile(config.dataDir);
  if (config.serviceAuth.secret) {
    rmSync(file, { force: true }); // a stale secret of an earlier start would only mislead
    return config;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(resolve(config.dataDir), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode applies only when the file is created
  return { ...config, serviceAuth: { ...config.serviceAuth, secret } };
}
