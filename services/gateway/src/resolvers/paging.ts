import { GraphQLError } from '../graphql-runtime';
import type { Page, PageArgs } from '@ser/store';

/** Largest page a client may ask for; the cost limit multiplies nested connections by `first`. */
export const MAX_PAGE = 100;

/** Every connection takes the same arguments: forward paging, as the store's keyset listings page. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

/** A Relay connection as the schema's *Connection types declare it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export function pageArgs(args: ConnectionArgs): PageArgs {
  if (args.first != null && (args.first < 0 || args.first > MAX_PAGE)) throw badInput(`first must be between 0 and ${MAX_PAGE}`);
  return { first: args.first, after: args.after };
}

/**
 * Completes a store page's PageInfo. Paging is forward only, so (as the Relay spec allows) hasPreviousPage says
 * whether rows come before `after`: the page a cursor came from does.
 */
export function complete<T>(page: Page<T>, args: ConnectionArgs): Connection<T> {
  return {
    edges: page.edges,
    totalCount: page.totalCount,
    pageInfo: { ...page.pageInfo, hasPreviousPage: args.after != null, startCursor: page.edges[0]?.cursor ?? null },
  };
}

/** One page of a store listing, as a connection. */
export async function connection<T>(args: ConnectionArgs, list: (page: PageArgs) => Promise<Page<T>>): Promise<Connection<T>> {
  return complete(await list(pageArgs(args)), args);
}

/**
 * A connection over a short list already in memory (e.g. model names), ordered by a unique string key; its cursor
 * names the listing and the key of the row it follows, as the store's keyset cursors do.
 */
export function connectionOfList<T>(listing: string, items: readonly T[], key: (item: T) => string, args: ConnectionArgs): Connection<T> {
  const { first, after } = pageArgs(args);
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const cursorOf = (item: T) => Buffer.from(JSON.stringify([listing, key(item)])).toString('base64url');
  let start = 0;
  if (after != null) {
    const afterKey = decodeListCursor(listing, after);
    start = sorted.findIndex((item) => key(item) > afterKey);
    if (start < 0) start = sorted.length;
  }
  const size = first ?? MAX_PAGE;
  const rows = sorted.slice(start, start + size);
  const edges = rows.map((node) => ({ cursor: cursorOf(node), node }));
  return complete({ edges, totalCount: sorted.length, pageInfo: { hasNextPage: start + size < sorted.length, endCursor: edges.at(-1)?.cursor ?? null } }, args);
}

function decodeListCursor(listing: string, cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed[0] === listing && typeof parsed[1] === 'string') return parsed[1];
  } catch {
    // refused below, like any other cursor this listing did not make
  }
  throw badInput(`invalid cursor '${cursor}' for ${listing}`);
}

/** A metrics-like map as a sorted list of {name, value}. */
export const namedValues = (m: Record<string, number> | undefined) =>
  Object.entries(m ?? {})
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => a.name.localeCompare(b.name));
