import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate, requireRead, type Principal } from './auth/access';
import { createContext, type GatewayDeps } from './context';
import { formatError } from './errors';
import { specifiedRules, validate } from './graphql-runtime';
import { depthLimitRule, type QueryLimits } from './limits';

type Extra = { principal?: Principal | null };

/**
 * graphql-ws (the graphql-transport-ws protocol) on the gateway's own http.Server at the same /graphql path.
 * The token travels in connection_init's payload as `authorization: "Bearer …"` (browsers cannot set headers on
 * a WebSocket) or, for other clients, in the upgrade request's Authorization header.
 */
export function attachSubscriptionServer(server: Server, schema: GraphQLSchema, deps: GatewayDeps, limits: QueryLimits): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const depthRule = depthLimitRule(limits.maxDepth);
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      validate: (s, doc, rules) => validate(s, doc, [...(rules ?? specifiedRules), depthRule]),
      async onConnect(ctx) {
        const param = ctx.connectionParams?.authorization;
        const authorization = typeof param === 'string' ? param : ctx.extra.request.headers.authorization;
        try {
          ctx.extra.principal = await authenticate(deps.store, authorization, deps.logger);
          requireRead({ principal: ctx.extra.principal, logger: deps.logger }, deps.anonymousRead, 'subscribe');
          return true;
        } catch (err) {
          ctx.extra.socket.close(CloseCode.Unauthorized, (err as Error).message.slice(0, 100));
          return false;
        }
      },
      context: (ctx) => createContext(deps, ctx.extra.principal ?? null),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
