export { openPlatform, type Platform } from './platform';
export { runUntilSignal, type Stoppable } from './signals';
export { serveGrpc } from './serve-grpc';
export type { RunningService } from './running-service';
export { createWorker } from './ts-worker';
