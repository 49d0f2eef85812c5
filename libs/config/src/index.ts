export { ConfigError, loadConfig, parseOverrides, type ConfigSources } from './load-config';
export { platformConfigSchema, loadPlatformConfig, PLATFORM_ENV, type PlatformConfig, type ServiceName, SERVICE_NAMES } from './platform-config';
