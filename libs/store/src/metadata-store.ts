import type { Db, Queryable } from './db/db';
import { ApiTokenRepository } from './repositories/api-tokens';
import { createPgliteDb } from './db/pglite-db';
import { createPostgresDb } from './db/postgres-db';
import { migrate } from './migrate';
import { CheckpointRepository } from './repositories/checkpoints';
import { DatasetRepository } from './repositories/datasets';
import { IngestionWorkRepository } from './repositories/ingestion-work';
import { ModelRepository } from './repositories/models';
import { PredictionRepository } from './repositories/predictions';
import { ProcessedEventRepository } from './repositories/processed-events';
import { RunRepository } from './repositories/runs';

export interface Repositories {
  datasets: DatasetRepository;
  runs: RunRepository;
  checkpoints: CheckpointRepository;
  models: ModelRepository;
  predictions: PredictionRepository;
  processedEvents: ProcessedEventRepository;
  ingestionWork: IngestionWorkRepository;
  apiTokens: ApiTokenRepository;
}

export interface MetadataStore extends Repositories {
  db: Db;
  /** Repositories bound to one transaction: everything fn writes commits together or not at all. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type MetadataStoreConfig =
  /** Embedded: in memory without dataDir, persisted in dataDir with it (one process at a time per dataDir). */
  | { kind: 'pglite'; dataDir?: string }
  /** A PostgreSQL server; schema (created when missing) isolates tenants or test suites in one database. */
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number };

export function createRepositories(q: Queryable): Repositories {
  return {
    datasets: new DatasetRepository(q),
    runs: new RunRepository(q),
    checkpoints: new CheckpointRepository(q),
    models: new ModelRepository(q),
    predictions: new PredictionRepository(q),
    processedEvents: new ProcessedEventRepository(q),
    ingestionWork: new IngestionWorkRepository(q),
    apiTokens: new ApiTokenRepository(q),
  };
}

/** The database the config names, as it is: no migration applied (openMetadataStore migrates). */
export async function openDb(config: MetadataStoreConfig): Promise<Db> {
  return config.kind === 'pglite'
    ? createPgliteDb({ dataDir: config.dataDir })
    : createPostgresDb({ connectionString: config.url, schema: config.schema, max: config.maxConnections });
}

/** The schema migrate() works in for this config (PostgreSQL's; PGlite has only the default). */
export const migrationSchema = (config: MetadataStoreConfig): string | undefined => (config.kind === 'postgres' ? config.schema : undefined);

/** Opens the database the config names and brings its schema up to date before returning. */
export async function openMetadataStore(config: MetadataStoreConfig): Promise<MetadataStore> {
  const db = await openDb(config);
  try {
    await migrate(db, { schema: migrationSchema(config) });
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return {
    db,
    ...createRepositories(db),
    transaction: (fn) => db.transaction((tx) => fn(createRepositories(tx))),
    close: () => db.close(),
  };
}
