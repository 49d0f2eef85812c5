export type { Db, Queryable } from './db/db';
export { createPostgresDb, type PostgresDbOptions } from './db/postgres-db';
export { createPgliteDb, type PgliteDbOptions } from './db/pglite-db';
export { DataDirInUseError, LOCK_FILE } from './db/data-dir-lock';
export { migrate, type MigrateOptions } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { StoreError, type StoreErrorCode } from './errors';
export type { JsonObject, JsonValue } from './json';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Edge, type Page, type PageArgs } from './paging';
export { DatasetRepository, type Dataset, type DatasetVersion, type NewDatasetVersion, type UtteranceFilter } from './repositories/datasets';
export type { NewUtterance, Utterance } from './repositories/utterances';
export { runLineageSchema, type RunLineage } from './run-lineage';
export { RunRepository, RUN_STATUSES, type NewRun, type Run, type RunFilter, type RunMetric, type RunPatch, type RunStatus } from './repositories/runs';
export { CheckpointRepository, type Checkpoint, type NewCheckpoint } from './repositories/checkpoints';
export { ModelRepository, type ModelAlias, type ModelSummary, type ModelVersion, type NewModelVersion } from './repositories/models';
export { PredictionRepository, type NewPrediction, type Prediction, type PredictionFilter } from './repositories/predictions';
export { ProcessedEventRepository } from './repositories/processed-events';
export {
  IngestionWorkRepository,
  type ClaimResult,
  type IngestionPlan,
  type IngestionPlanStatus,
  type NewIngestionPlan,
  type WorkItem,
  type WorkItemStatus,
} from './repositories/ingestion-work';
export { ApiTokenRepository, API_TOKEN_ROLES, hashApiToken, type ApiToken, type ApiTokenRole } from './repositories/api-tokens';
export { createRepositories, openMetadataStore, type MetadataStore, type MetadataStoreConfig, type Repositories } from './metadata-store';
export {
  readOnlyStore,
  runQueueWrites,
  type CheckpointReads,
  type DatasetReads,
  type PredictionReads,
  type ReadOnlyStore,
  type RunQueueWrites,
  type RunReads,
} from './read-views';
