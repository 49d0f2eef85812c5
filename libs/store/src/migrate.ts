import { assertSchemaName, type Db } from './db/db';
import { MIGRATIONS, type Migration } from './migrations';

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 0x5e4_2001;

export interface MigrateOptions {
  /** Created first when given (the schema a PostgreSQL store was opened on). */
  schema?: string;
  migrations?: readonly Migration[];
}

/**
 * Applies the pending migrations in order, in one transaction, and records each in schema_migrations.
 * A transaction-scoped advisory lock serialises processes that start together: the second waits, then finds
 * nothing left to do. Returns the names applied by this call (empty when the schema was current).
 */
export async function migrate(db: Db, opts: MigrateOptions = {}): Promise<string[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  assertOrdered(migrations);
  if (opts.schema) assertSchemaName(opts.schema);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    if (opts.schema) await tx.exec(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(`${m.version}-${m.name}`);
    }
    return applied;
  });
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const prev = migrations[i - 1];
    if (!Number.isInteger(m.version) || m.version < 1 || (prev && m.version <= prev.version)) {
      throw new Error(`migrations must have increasing positive integer versions: ${m.version}-${m.name} is out of order`);
    }
  });
}
