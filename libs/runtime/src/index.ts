export { artifactStoreSpec, openPlatform, type Platform } from './platform';
export { DUPLICATE_SIGNAL_WINDOW_MS, runUntilSignal, type Stoppable } from './signals';
export { serveGrpc } from './serve-grpc';
export { acquireMetricsServer, getMetricsRegistry, grpcMetricsInterceptor, metricsServerAddress, type MetricsServerHandle } from './metrics';
export type { RunningService } from './running-service';
export { createWorker } from './ts-worker';
export { loadServiceConfig, serviceAuthRefusal } from './service-config';
export { serveTrainer, type TrainerParts, type TrainerRuns } from './serve-trainer';
export { DEFAULT_ALLOWED_CALLERS, serviceAuthPolicy, serviceCaller, serviceSecretFile, withServiceSecret, type ServiceCallerName } from './service-auth';
