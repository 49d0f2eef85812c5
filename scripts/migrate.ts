// Applies the metadata store's pending migrations (libs/store) to the PostgreSQL server SER_DATABASE_URL names (in
// SER_DATABASE_SCHEMA when set) and does nothing else: the Helm chart's pre-install/pre-upgrade Job runs it so a
// schema change lands once, before new pods start (services also migrate on start, serialised by an advisory lock).
//   SER_DATABASE_URL=postgres://… npx tsx scripts/migrate.ts
import { pathToFileURL } from 'node:url';
import { loadPlatformConfig } from '@ser/config';
import { createLogger } from '@ser/logging';
import { createPostgresDb, migrate } from '@ser/store';

/** Returns the migrations this call applied (empty when the schema was current). */
export async function migrateDatabase(url: string, schema?: string): Promise<string[]> {
  const db = createPostgresDb({ connectionString: url, schema, max: 1 });
  try {
    return await migrate(db, { schema });
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const config = loadPlatformConfig({ overrides: process.argv.slice(2) });
  if (!config.store.url) throw new Error('SER_DATABASE_URL is not set: migrations run against a PostgreSQL server');
  const applied = await migrateDatabase(config.store.url, config.store.schema);
  createLogger('migrate', { level: config.logLevel }).info({ applied }, applied.length ? 'migrations applied' : 'schema already current');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: Error) => {
    process.stderr.write(`migrate: ${err.message}\n`);
    process.exit(1);
  });
}
