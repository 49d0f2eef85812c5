import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { asInputError, transactionHandle, type Db, type Queryable } from './db';
import { lockDataDir } from './data-dir-lock';

export interface PgliteDbOptions {
  /** Directory that holds the database; in memory (gone on close) when absent. */
  dataDir?: string;
}

/** PostgreSQL in WASM, in this process: one connection, so statements from concurrent callers queue up. */
export async function createPgliteDb(opts: PgliteDbOptions = {}): Promise<Db> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = opts.dataDir ? await PGlite.create(opts.dataDir) : await PGlite.create();
  } catch (err) {
    release();
    throw err;
  }

  return {
    kind: 'pglite',
    async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await asInputError(pglite.query<T>(sql, params as unknown[] | undefined))).rows;
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pglite.transaction((tx) =>
        fn(
          transactionHandle({
            query: async (sql, params) => (await tx.query<object>(sql, params as unknown[] | undefined)).rows,
            exec: async (sql) => void (await tx.exec(sql)),
          }),
        ),
      );
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}
