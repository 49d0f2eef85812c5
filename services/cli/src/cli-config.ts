import { ConfigError, loadPlatformConfig, type PlatformConfig } from '@ser/config';
import { CliError } from './cli-error';

/** The platform config as the services read it; a bad setting is a CLI message and exit 1, not a stack trace. */
export function loadCliConfig(overrides?: string[]): PlatformConfig {
  try {
    return loadPlatformConfig({ overrides });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}
