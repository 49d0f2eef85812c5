import type { ApiToken, ApiTokenRole } from '@ser/store';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { fromEnum, toEnum } from './enums';
import { globalIdOf, storeId } from './global-ids';
import { connectionOfList, type ConnectionArgs } from './paging';

// Tokens are an admin's business: listing them, making them and revoking them. The store keeps only a hash, so a
// token's secret exists in one place after createApiToken answers: with whoever asked.

/**
 * Oldest first, as `ser token list` shows them: the key makes the store's creation order a string order. The store
 * orders by a microsecond timestamp, a Date keeps milliseconds, so tokens made in one millisecond also carry their
 * rank in the store's order (ordering them by id instead would shuffle them).
 */
export function creationKeys(tokens: readonly ApiToken[]): (t: ApiToken) => string {
  const keys = new Map<ApiToken, string>();
  let previous = '';
  let rank = 0;
  for (const t of tokens) {
    const millisecond = t.createdAt.toISOString();
    rank = millisecond === previous ? rank + 1 : 0;
    previous = millisecond;
    keys.set(t, `${millisecond} ${String(rank).padStart(6, '0')} ${t.id}`);
  }
  return (t) => keys.get(t)!;
}

export const tokenQueries = {
  async apiTokens(_: unknown, args: ConnectionArgs, ctx: GatewayContext) {
    requireRole(ctx, 'admin', 'apiTokens');
    const tokens = await ctx.store.apiTokens.list();
    return connectionOfList('apiTokens', tokens, creationKeys(tokens), args);
  },
};

export const tokenMutations = {
  async createApiToken(_: unknown, { input }: { input: { name: string; role: string } }, ctx: GatewayContext) {
    const admin = requireRole(ctx, 'admin', 'createApiToken');
    const { token, apiToken } = await ctx.store.apiTokens.create({ name: input.name, role: fromEnum(input.role) as ApiTokenRole });
    ctx.logger.info({ created: apiToken.id, name: apiToken.name, role: apiToken.role, by: admin.name }, 'api token created');
    return { secret: token, apiToken };
  },

  async revokeApiToken(_: unknown, args: { id: string }, ctx: GatewayContext) {
    const admin = requireRole(ctx, 'admin', 'revokeApiToken');
    const id = storeId('ApiToken', args.id);
    await ctx.store.apiTokens.delete(id);
    ctx.logger.info({ revoked: id, by: admin.name }, 'api token revoked');
    return true;
  },
};

export const ApiTokenResolvers = {
  id: globalIdOf('ApiToken', (t: ApiToken) => t.id),
  role: (t: ApiToken) => toEnum(t.role),
};
