// What every standalone service's main.ts starts from: its platform config, checked for what a cluster needs
// before anything opens. Refusals are one line on stderr and exit 1, never a stack trace.
import { ConfigError, loadPlatformConfig, PLATFORM_ENV, type PlatformConfig } from '@ser/config';

/**
 * Why a standalone service may not serve with this config, or undefined. Without a token secret every mutating
 * RPC (start runs, move aliases, ingest) would be open to any pod, so that takes an explicit SER_SERVICE_AUTH=off.
 */
export function serviceAuthRefusal(config: PlatformConfig): string | undefined {
  if (config.serviceAuth.secret || config.serviceAuth.mode === 'off') return undefined;
  return (
    `no service token secret: set ${PLATFORM_ENV['serviceAuth.secret']} (32+ characters, shared by every service) ` +
    `or ${PLATFORM_ENV['serviceAuth.mode']}=off to serve mutating RPCs to any caller`
  );
}

/** The config of a service started on its own (one container in a cluster): `service` names it in a refusal. */
export function loadServiceConfig(service: string, args: string[] = process.argv.slice(2)): PlatformConfig {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig({ overrides: args });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return refuse(service, err.message);
  }
  const refusal = serviceAuthRefusal(config);
  return refusal ? refuse(service, refusal) : config;
}

function refuse(service: string, reason: string): never {
  process.stderr.write(`${service}: ${reason}\n`);
  process.exit(1);
}
