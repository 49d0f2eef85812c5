import type { ApiToken, ApiTokenRole } from '@ser/store';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { fromEnum, toEnum } from './enums';
import { globalIdOf, storeId } from './global-ids';
import { connectionOfList, type ConnectionArgs } from './paging';

// Tokens are an admin's business: listing them, making them and revoking them. The store keeps only a hash, so a
// token's secret exists in one place after createApiToken answers: with whoever asked.

/** Oldest first, as `ser token list` shows them; the key makes creation order a string order. */
const creationKey = (t: ApiToken) => `${t.createdAt.toISOString()} ${t.id}`;

export const tokenQueries = {
  async apiTokens(_: unknown, args: ConnectionArgs, ctx: GatewayContext) {
    requireRole(ctx, 'admin', 'apiTokens');
    return connectionOfList('apiTokens', await ctx.store.apiTokens.list(), creationKey, args);
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
