import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { ServiceName } from '@ser/config';
import type { Logger } from '@ser/logging';
import type { MetadataStore } from '@ser/store';
import { createContext, type GatewayContext } from './context';
import { formatError } from './errors';
import { graphqlHttpHandler } from './http-adapter';
import { DatasetResolvers, DatasetVersionResolvers, Query } from './resolvers/query';

const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface GatewayOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  store: MetadataStore;
  serviceAddresses: Record<ServiceName, string>;
  logger: Logger;
}

export interface RunningGateway {
  /** http://host:port/graphql */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The GraphQL gateway on its own http.Server, so tests can start it on port 0 and subscriptions can share it. */
export async function createGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs,
    resolvers: { Query, Dataset: DatasetResolvers, DatasetVersion: DatasetVersionResolvers },
    formatError,
    introspection: true,
  });
  await apollo.start();
  const handler = graphqlHttpHandler(apollo, async () => createContext(opts.store, opts.serviceAddresses));
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: the API is at /graphql\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : 'localhost'}:${port}/graphql`;
  opts.logger.info({ url }, 'GraphQL gateway listening');
  return {
    url,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive clients would otherwise hold close() open
      await closed;
      await apollo.stop();
    },
  };
}
