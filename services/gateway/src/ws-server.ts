import type { Server } from 'node:http';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate, requireRead, type Principal } from './auth/access';
import { createContext, type GatewayDeps } from './context';
import { formatError } from './errors';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from './graphql-runtime';
import { depthLimitRule, wsCostErrors, type QueryLimits } from './limits';
import { secondsSince, type OperationMetrics, type OperationOutcome } from './operation-metrics';
import { SafelistRefusal, trustedDocumentOf, type TrustedDocuments } from './trusted-documents';

type Extra = { principal?: Principal | null };

/**
 * graphql-ws (the graphql-transport-ws protocol) on the gateway's own http.Server at the same /graphql path.
 * The token travels in connection_init's payload as `authorization: "Bearer …"` (browsers cannot set headers on
 * a WebSocket) or, for other clients, in the upgrade request's Authorization header.
 */
export function attachSubscriptionServer(
  server: Server,
  schema: GraphQLSchema,
  deps: GatewayDeps,
  opts: { limits: QueryLimits; introspection: boolean; metrics: OperationMetrics; trusted?: TrustedDocuments },
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  // The same rules as HTTP: depth, introspection when it is off, and (in onSubscribe) cost.
  const extraRules = [depthLimitRule(opts.limits.maxDepth), ...(opts.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  // Operations in flight per connection: when each started, what it is, whether a result carried errors.
  const inFlight = new WeakMap<object, Map<string, { started: bigint; name?: string; type?: string; errors: boolean }>>();
  const finish = (ctx: object, id: string, outcome: OperationOutcome | undefined) => {
    const op = inFlight.get(ctx)?.get(id);
    if (!op) return;
    inFlight.get(ctx)!.delete(id);
    opts.metrics.observe(op, outcome ?? (op.errors ? 'partial' : 'success'), secondsSince(op.started));
  };
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      validate: (s, doc, rules) => validate(s, doc, [...(rules ?? specifiedRules), ...extraRules]),
      onSubscribe(ctx, id, payload) {
        let refusal: SafelistRefusal | undefined;
        if (opts.trusted) {
          // graphql-ws parses payload.query after this hook: a trusted id is replaced by its text here.
          try {
            (payload as { query: string }).query = trustedDocumentOf(opts.trusted, payload);
          } catch (err) {
            if (!(err instanceof SafelistRefusal)) throw err;
            refusal = err;
          }
        }
        let operation: { name?: string; type?: string } = {};
        try {
          const ast = getOperationAST(parse(payload.query), payload.operationName);
          operation = { name: ast?.name?.value ?? payload.operationName ?? undefined, type: ast?.operation };
        } catch {
          // graphql-ws reports the syntax error; the metrics count it as an unknown operation.
        }
        if (!inFlight.has(ctx)) inFlight.set(ctx, new Map());
        inFlight.get(ctx)!.set(id, { started: process.hrtime.bigint(), ...operation, errors: false });
        if (refusal) return [new GraphQLError(refusal.message, { extensions: { code: refusal.code } })];
        return wsCostErrors(schema, payload, opts.limits.maxCost);
      },
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
      onError(ctx, id, _payload, errors) {
        finish(ctx, id, 'error');
        return errors.map((e) => {
          // Validation errors come without a code over graphql-ws (Apollo adds it over HTTP); they are the
          // errors that wrap nothing.
          const json = e.toJSON();
          const coded = e.originalError || json.extensions?.code ? json : { ...json, extensions: { ...json.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } };
          return withoutHttp(formatError(coded, e));
        });
      },
      onNext(ctx, id, _payload, _args, result) {
        if (!result.errors) return undefined;
        const op = inFlight.get(ctx)?.get(id);
        if (op) op.errors = true;
        return { ...result, errors: result.errors.map((e) => withoutHttp(formatError(e.toJSON(), e))) };
      },
      onComplete: (ctx, id) => finish(ctx, id, undefined),
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

/** `extensions.http` sets an HTTP status for Apollo's responses; a WebSocket message has none to set. */
function withoutHttp(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions || !('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return { ...error, extensions };
}
