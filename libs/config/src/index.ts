export { ConfigError, loadConfig, parseOverrides, type ConfigSources } from './load-config';
export { envChoice } from './env-choice';
export {
  platformConfigSchema,
  loadPlatformConfig,
  DEFAULT_GATEWAY_CORS_ORIGINS,
  PLATFORM_ENV,
  type PlatformConfig,
  type ServiceName,
  SERVICE_NAMES,
} from './platform-config';
