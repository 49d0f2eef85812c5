import { GraphQLError } from '../graphql-runtime';
import type { PageArgs } from '@ser/store';

/** Largest page a client may ask for; the cost limit multiplies nested connections by `first`. */
export const MAX_PAGE = 100;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export function pageArgs(args: ConnectionArgs): PageArgs {
  if (args.first != null && (args.first < 0 || args.first > MAX_PAGE)) throw badInput(`first must be between 0 and ${MAX_PAGE}`);
  return { first: args.first, after: args.after };
}

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A metrics-like map as a sorted list of {name, value}. */
export const namedValues = (m: Record<string, number> | undefined) =>
  Object.entries(m ?? {})
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => a.name.localeCompare(b.name));
