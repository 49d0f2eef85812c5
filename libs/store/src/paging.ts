import { invalidArgument } from './errors';
import type { Queryable } from './db/db';

/** Relay connection arguments (forward paging). */
export interface PageArgs {
  /** Page size; default 50, at most 1000. */
  first?: number | null;
  /** endCursor of the previous page. */
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Rows matching the filter, on every page. */
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** bigint keys travel as strings: pg returns int8 as text, and JS numbers lose precision past 2^53. */
type KeyType = 'text' | 'int' | 'bigint';

/** A keyset-paged listing: rows ordered by a unique key tuple, all columns in one direction. */
export interface KeysetQuery {
  /** Names the listing inside its cursors, so a cursor from another listing is refused. */
  name: string;
  columns: string;
  from: string;
  /** Filter conditions, ANDed, using $1..$n of params. */
  where: string[];
  params: unknown[];
  order: { column: string; type: KeyType }[];
  direction: 'asc' | 'desc';
}

type CursorKey = string | number;

export function encodeCursor(name: string, keys: CursorKey[]): string {
  return Buffer.from(JSON.stringify([name, ...keys])).toString('base64url');
}

export function decodeCursor(cursor: string, name: string, types: KeyType[]): CursorKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidArgument(`invalid cursor '${cursor}'`);
  }
  const valid = Array.isArray(parsed) && parsed[0] === name && parsed.length === types.length + 1 && types.every((t, i) => keyMatches(t, parsed[i + 1]));
  if (!valid) throw invalidArgument(`invalid cursor '${cursor}' for ${name}`);
  return (parsed as CursorKey[]).slice(1);
}

function keyMatches(type: KeyType, key: unknown): boolean {
  if (type === 'int') return Number.isInteger(key);
  if (type === 'bigint') return typeof key === 'string' && /^-?[0-9]{1,19}$/.test(key);
  return typeof key === 'string';
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw invalidArgument(`first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return size;
}

const keyExpression = (column: string, type: KeyType): string => (type === 'bigint' ? `${column}::text` : column);

/** One page of a keyset query plus the total count of rows matching its filter. */
export async function paginate<Row extends object, Node>(q: Queryable, query: KeysetQuery, args: PageArgs, toNode: (row: Row) => Node): Promise<Page<Node>> {
  const size = pageSize(args.first);
  const params = [...query.params];
  const where = [...query.where];
  if (args.after) {
    const keys = decodeCursor(
      args.after,
      query.name,
      query.order.map((o) => o.type),
    );
    const placeholders = keys.map((key, i) => {
      params.push(key);
      return `$${params.length}::${query.order[i]!.type}`;
    });
    const op = query.direction === 'asc' ? '>' : '<';
    where.push(`(${query.order.map((o) => o.column).join(', ')}) ${op} (${placeholders.join(', ')})`);
  }
  const whereSql = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const keyColumns = query.order.map((o, i) => `${keyExpression(o.column, o.type)} AS cursor_key_${i}`).join(', ');
  const orderBy = query.order.map((o) => `${o.column} ${query.direction}`).join(', ');
  const rows = await q.query<Row & Record<string, CursorKey>>(
    `SELECT ${query.columns}, ${keyColumns} FROM ${query.from} ${whereSql(where)} ORDER BY ${orderBy} LIMIT ${size + 1}`,
    params,
  );
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${query.from} ${whereSql(query.where)}`, query.params);
  const edges = rows.slice(0, size).map((row) => ({
    cursor: encodeCursor(
      query.name,
      query.order.map((_, i) => row[`cursor_key_${i}`]!),
    ),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count?.n ?? 0,
  };
}
