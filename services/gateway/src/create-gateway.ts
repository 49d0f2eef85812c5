import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_GATEWAY_CORS_ORIGINS, type ServiceName } from '@ser/config';
import type { EventBus } from '@ser/events';
import type { ServiceCaller } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { getMetricsRegistry } from '@ser/runtime';
import type { Repositories } from '@ser/store';
import { authenticate, requireRead } from './auth/access';
import { createContext, type GatewayContext, type GatewayDeps } from './context';
import { formatError } from './errors';
import { EventHub } from './event-hub';
import { buildExecutableSchema } from './executable-schema';
import { createGrpcClients } from './grpc-clients';
import { corsHandler } from './http/cors';
import { BodyError } from './http/body-error';
import { graphqlHttpHandler, type PrepareRequest } from './http/http-adapter';
import { modelExportHandler } from './http/model-export-download';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './http/multipart';
import { probeHandler } from './http/probes';
import { staticFileHandler } from './http/static-files';
import { checkQueryCost, DEFAULT_QUERY_LIMITS, depthLimitRule, type QueryLimits } from './limits';
import { operationMetrics, operationMetricsPlugin } from './operation-metrics';
import { resolvers } from './resolvers';
import { SafelistRefusal, withTrustedDocument, type TrustedDocuments } from './trusted-documents';
import { gatewayStore } from './gateway-store';
import { TrainingJobs } from './training-jobs';
import { attachSubscriptionServer } from './ws-server';

export interface GatewayOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** The metadata store; the gateway reaches it only through gatewayStore's view. */
  store: Repositories;
  serviceAddresses: Record<ServiceName, string>;
  logger: Logger;
  /** Source of subscription events; without it subscriptions answer SERVICE_UNAVAILABLE. */
  bus?: EventBus;
  /** Queries and subscriptions without a token (config gateway.anonymousRead). Default true. */
  anonymousRead?: boolean;
  /** Deadline of the gateway's unary gRPC calls. Default 10 s. */
  grpcDeadlineMs?: number;
  /** Identity and secret the gateway signs its gRPC calls with (config serviceAuth); unsigned when absent. */
  serviceToken?: ServiceCaller;
  limits?: Partial<QueryLimits>;
  uploads?: Partial<UploadLimits>;
  /** Origins browsers may call from (config gateway.corsOrigins; `*`: any). Default: the gateway's own, on port 4000. */
  corsOrigins?: readonly string[];
  /** Schema introspection over HTTP and WebSocket (config gateway.introspection). Default true. */
  introspection?: boolean;
  /** Largest request body (config gateway.maxBodyBytes). Default: the upload limit plus MULTIPART_FIELDS_BYTES. */
  maxBodyBytes?: number;
  /** Run only these documents (config gateway.trustedDocuments, loaded with loadTrustedDocuments). Default: any. */
  trustedDocuments?: TrustedDocuments;
  /** A built single-page app (the web console) to serve at `/`, with index.html for page paths; none when unset. */
  staticDir?: string;
  /**
   * The model name a classifier run started without one registers under (config inference.defaultModelName), as the
   * trainer's StartClassifierRun fills it in. Unset: startClassifierRun needs modelName.
   */
  defaultModelName?: string;
}

/** Room for a multipart request's `operations` and `map` fields (1 MiB each at most) beside its largest upload. */
export const MULTIPART_FIELDS_BYTES = 2 << 20;

export interface RunningGateway {
  /** http://host:port/graphql (ws://… for subscriptions) */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Reads need a token unless anonymousRead; cost is checked once the operation is known (mutations check roles). */
function accessAndCostPlugin(deps: GatewayDeps, limits: QueryLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (operation?.operation !== 'mutation') requireRead(contextValue, deps.anonymousRead, operation?.operation ?? 'query');
          checkQueryCost(schema, document, request.variables, request.operationName, limits.maxCost);
        },
      };
    },
  };
}

/** HTTP requests resolved to a trusted document, or refused with 400 and the safelist's extensions.code. */
function safelist(trusted: TrustedDocuments): PrepareRequest {
  return (body, search) => {
    try {
      return withTrustedDocument(trusted, body, search);
    } catch (err) {
      throw err instanceof SafelistRefusal ? new BodyError(err.message, 400, { code: err.code }) : err;
    }
  };
}

/** The GraphQL gateway on its own http.Server, so tests can start it on port 0 and subscriptions share it. */
export async function createGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...opts.limits };
  const hub = opts.bus ? new EventHub(opts.bus, opts.logger) : undefined;
  await hub?.start();
  const clients = createGrpcClients(opts.serviceAddresses, opts.grpcDeadlineMs ?? 10_000, opts.serviceToken);
  const store = gatewayStore(opts.store);
  const trainingJobs = new TrainingJobs({ ...opts, store, grpcDeadlineMs: opts.grpcDeadlineMs ?? 10_000 });
  const deps: GatewayDeps = {
    store,
    serviceAddresses: opts.serviceAddresses,
    clients,
    hub,
    logger: opts.logger,
    anonymousRead: opts.anonymousRead ?? true,
    trainingJobs,
    defaultModelName: opts.defaultModelName,
  };
  const introspection = opts.introspection ?? true;
  const uploads = { ...DEFAULT_UPLOAD_LIMITS, ...opts.uploads };
  const registry = getMetricsRegistry();
  const metrics = operationMetrics(registry);
  const schema = buildExecutableSchema(resolvers);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    introspection,
    validationRules: [depthLimitRule(limits.maxDepth)],
    plugins: [accessAndCostPlugin(deps, limits), operationMetricsPlugin(metrics)],
    // With a safelist, ids name trusted documents only; Apollo's automatic persisted queries would register any.
    ...(opts.trustedDocuments ? { persistedQueries: false as const } : {}),
    // Whoever runs the gateway stops it (the service's runUntilSignal, the all-in-one platform, an experiment).
    // Apollo's own handler would stop it first and then re-raise the signal, killing the process while the other
    // services still stop (an embedded store mid-write; an experiment cancelling its runs).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const handler = graphqlHttpHandler(
    apollo,
    async (req) => createContext(deps, await authenticate(store, req.headers.authorization, opts.logger)),
    { ...uploads, maxBodyBytes: opts.maxBodyBytes ?? uploads.maxFileBytes + MULTIPART_FIELDS_BYTES },
    opts.trustedDocuments && safelist(opts.trustedDocuments),
  );
  const cors = corsHandler(opts.corsOrigins ?? DEFAULT_GATEWAY_CORS_ORIGINS);
  let stopping = false;
  const probes = probeHandler({ serviceAddresses: opts.serviceAddresses, stopping: () => stopping, registry });
  const statics = opts.staticDir ? staticFileHandler(opts.staticDir) : () => false;
  // Before the console's files: their page-path fallback would answer a download path with index.html.
  const modelExports = modelExportHandler({ store, registry: clients.modelRegistry, anonymousRead: deps.anonymousRead, logger: opts.logger });
  const server: Server = createServer((req, res) => {
    if (cors(req, res) || probes(req, res) || modelExports(req, res) || statics(req, res)) return;
    if (req.url?.startsWith('/graphql')) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: the API is at /graphql\n');
  });
  const subscriptions = attachSubscriptionServer(server, schema, deps, { limits, introspection, metrics, trusted: opts.trustedDocuments });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : 'localhost'}:${port}/graphql`;
  const trustedDocuments = opts.trustedDocuments?.size ?? 'any';
  opts.logger.info({ url, anonymousRead: deps.anonymousRead, introspection, trustedDocuments, subscriptions: !!hub }, 'GraphQL gateway listening');
  return {
    url,
    port,
    async stop() {
      stopping = true;
      await subscriptions.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive clients would otherwise hold close() open
      await closed;
      await apollo.stop();
      await hub?.stop();
      clients.close();
      trainingJobs.close();
    },
  };
}
