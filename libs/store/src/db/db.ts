import { invalidArgument } from '../errors';

/**
 * The smallest surface the repositories need from a SQL database. Two implementations speak the same SQL:
 * PostgreSQL through `pg` (cluster) and PGlite, PostgreSQL compiled to WASM (embedded default).
 */
export interface Queryable {
  /** One statement, `$1`-style parameters; returns the rows. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several `;`-separated statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn in a transaction: committed when fn resolves, rolled back when it throws. Called on a transaction's
   * handle it nests as a savepoint, so a repository method that needs atomicity also composes into a caller's
   * transaction. Do not run two nested transactions of one handle concurrently.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** What one connection (a pg client, a PGlite transaction) offers; the transaction handle is built on it. */
export interface Session {
  query(sql: string, params?: readonly unknown[]): Promise<object[]>;
  exec(sql: string): Promise<void>;
}

/** A handle for statements inside an open transaction; nested transactions become savepoints. */
export function transactionHandle(session: Session, depth = 1): Queryable {
  return {
    query: <T extends object>(sql: string, params?: readonly unknown[]) => asInputError(session.query(sql, params) as Promise<T[]>),
    exec: (sql) => session.exec(sql),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const savepoint = `ser_savepoint_${depth}`;
      await session.exec(`SAVEPOINT ${savepoint}`);
      try {
        const result = await fn(transactionHandle(session, depth + 1));
        await session.exec(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (err) {
        await session.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        throw err;
      }
    },
  };
}

/** SQLSTATE of an error thrown by either driver (both put it on `code`). */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** SQLSTATEs of text PostgreSQL cannot hold, a NUL character in text or in JSON: bad input, not a fault of ours. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** The statement's result; a parameter PostgreSQL cannot hold becomes INVALID_ARGUMENT (a client sent it, say a GraphQL string with \u0000). */
export async function asInputError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (UNSTORABLE_TEXT.has(sqlState(err) ?? '')) throw invalidArgument(`a text value cannot hold a NUL character (\\u0000): ${(err as Error).message}`);
    throw err;
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names end up in SQL text (search_path, CREATE SCHEMA), so only plain identifiers pass. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name '${schema}': use lower-case letters, digits and _`);
}
