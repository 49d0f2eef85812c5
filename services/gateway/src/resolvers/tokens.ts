import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';

export const tokenMutations = {
  async revokeApiToken(_: unknown, args: { id: string }, ctx: GatewayContext) {
    const admin = requireRole(ctx, 'admin', 'revokeApiToken');
    await ctx.store.apiTokens.delete(args.id);
    ctx.logger.info({ revoked: args.id, by: admin.name }, 'api token revoked');
    return true;
  },
};
