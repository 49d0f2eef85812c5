import pg from 'pg';
import { asInputError, assertSchemaName, transactionHandle, type Db, type Queryable } from './db';

export interface PostgresDbOptions {
  connectionString: string;
  /** Pool size. Default 10. */
  max?: number;
  /** Schema for unqualified names (search_path); lets tests and tenants share one database. */
  schema?: string;
  /** Errors of idle pooled connections (server restart, network); the pool replaces them either way. */
  onIdleError?: (err: Error) => void;
}

export function createPostgresDb(opts: PostgresDbOptions): Db {
  if (opts.schema !== undefined) assertSchemaName(opts.schema);
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // Without a listener an idle client's error would crash the process; the next query gets a fresh client.
  pool.on('error', (err) => opts.onIdleError?.(err));

  return {
    kind: 'postgres',
    async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await asInputError(pool.query(sql, params as unknown[] | undefined))).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const session = {
          query: async (sql: string, params?: readonly unknown[]) => (await client.query(sql, params as unknown[] | undefined)).rows,
          exec: async (sql: string) => void (await client.query(sql)),
        };
        const result = await fn(transactionHandle(session));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that cannot even roll back is destroyed rather than returned to the pool.
        await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
