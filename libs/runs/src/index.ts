export { outputCheckpointId, runToProto, RUN_KIND_TO_PROTO, RUN_STATUS_TO_PROTO } from './run-to-proto';
export { createRunQueries, type RunQueries } from './run-queries';
export { pageArgsFromRequest, pageResponse } from './paging';
export { watchRun, type ProgressSource } from './watch-run';
export { RunQueue, type RunQueueOptions } from './run-queue';
export { WorkerRunManager, type TrainingWorkerMessage, type WorkerRunManagerOptions } from './worker-run-manager';
export { trainingMetrics, type TrainingMetrics } from './training-metrics';
export { runTrainingWorker, type TrainingWorkerChannel } from './training-worker';
export { aliasesByVersion, modelVersionToProto, storeCall } from './model-version-to-proto';
