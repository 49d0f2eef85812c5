import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { trustedText, trustedTextByName } from './trusted-documents';
import { createUploadLink, hasUpload } from './upload-link';

/** The API on the origin that served the console (the gateway in `npm start`, an ingress or proxy in a cluster). */
export const GRAPHQL_PATH = '/graphql';

function isSubscription(query: Parameters<typeof getMainDefinition>[0]): boolean {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/** A graphql-ws client whose subscribe sends the trusted text of each operation (GraphQLWsLink prints its own). */
function withTrustedTexts(client: Client): Client {
  return { ...client, subscribe: (payload, sink) => client.subscribe({ ...payload, query: trustedTextByName(payload.operationName, payload.query) }, sink) };
}

/**
 * One client per token: queries and mutations over HTTP with `Authorization: Bearer`, uploads as multipart,
 * subscriptions over graphql-ws with the token in connection_init (browsers cannot set headers on a WebSocket).
 */
export function createApolloClient(token: string | null): ApolloClient {
  const httpUrl = new URL(GRAPHQL_PATH, window.location.href).toString();
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const wsClient = createClient({ url: wsUrl, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, lazy: true, retryAttempts: 5 });
  const ws = new GraphQLWsLink(withTrustedTexts(wsClient));
  // Every link sends the trusted-documents text of an operation, so a gateway with a safelist runs it.
  const http = ApolloLink.split(
    (op) => hasUpload(op.variables),
    createUploadLink(httpUrl, headers),
    new HttpLink({ uri: httpUrl, headers, print: trustedText }),
  );
  return new ApolloClient({
    link: ApolloLink.split((op) => isSubscription(op.query), ws, http),
    cache: new InMemoryCache({
      // Datasets and models are identified by name; connections are read page by page, never merged.
      typePolicies: { Dataset: { keyFields: ['name'] }, Model: { keyFields: ['name'] }, ModelAlias: { keyFields: false } },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
