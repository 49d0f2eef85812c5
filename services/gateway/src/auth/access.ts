import { GraphQLError } from '../graphql-runtime';
import type { Logger } from '@ser/logging';
import type { ApiTokenRepository, ApiTokenRole } from '@ser/store';

/** Who is calling: the token's stored name and role, never the token itself. */
export interface Principal {
  tokenId: string;
  name: string;
  role: ApiTokenRole;
}

// Each role can do everything the roles before it can.
const RANK: Record<ApiTokenRole, number> = { viewer: 0, operator: 1, admin: 2 };

export const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });

/**
 * The principal of an `Authorization: Bearer <token>` value; null without one. A token that matches nothing is
 * refused outright (even for reads), so a typo in a client's token is noticed instead of silently reading anonymously.
 */
export async function authenticate(
  store: { apiTokens: Pick<ApiTokenRepository, 'findByToken'> },
  authorization: string | undefined,
  logger: Logger,
): Promise<Principal | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) {
    logger.warn('refused a request: Authorization is not a bearer token');
    throw unauthenticated('Authorization must be "Bearer <token>"');
  }
  const token = await store.apiTokens.findByToken(match[1]!);
  if (!token) {
    logger.warn('refused a request: unknown bearer token');
    throw unauthenticated('unknown or revoked token');
  }
  return { tokenId: token.id, name: token.name, role: token.role };
}

export interface AccessContext {
  principal: Principal | null;
  logger: Logger;
}

/** Throws UNAUTHENTICATED without a principal and FORBIDDEN when its role ranks below `role`; logs either. */
export function requireRole(ctx: AccessContext, role: ApiTokenRole, action: string): Principal {
  if (!ctx.principal) {
    ctx.logger.warn({ action, required: role }, 'refused an unauthenticated request');
    throw unauthenticated(`${action} needs a bearer token`);
  }
  if (RANK[ctx.principal.role] < RANK[role]) {
    ctx.logger.warn({ action, required: role, tokenName: ctx.principal.name, role: ctx.principal.role }, 'refused a forbidden request');
    throw forbidden(`${action} needs the ${role} role; token '${ctx.principal.name}' is ${ctx.principal.role}`);
  }
  return ctx.principal;
}

/** Reads (queries, subscriptions): open to anyone when anonymousRead is on, otherwise to any valid token. */
export function requireRead(ctx: AccessContext, anonymousRead: boolean, action: string): void {
  if (anonymousRead && !ctx.principal) return;
  requireRole(ctx, 'viewer', action);
}
