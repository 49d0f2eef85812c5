import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyError } from './body-error';
import { readMultipartOperations, type UploadLimits } from './multipart';

/** Largest JSON body accepted; audio uploads use multipart and have their own limit. */
const MAX_JSON_BYTES = 1 << 20;

/**
 * Bridges node:http to Apollo's transport-neutral executeHTTPGraphQLRequest, reading JSON bodies and GraphQL
 * multipart uploads. Why not startStandaloneServer: it owns the http.Server, and the gateway needs that server
 * for graphql-ws too.
 */
export function graphqlHttpHandler<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (req: IncomingMessage) => Promise<C>,
  uploads: UploadLimits,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(server, context, uploads, req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(err instanceof BodyError ? err.status : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: err instanceof BodyError ? err.message : 'internal error', extensions: { code: 'BAD_REQUEST' } }] }));
    });
  };
}

async function handle<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (req: IncomingMessage) => Promise<C>,
  uploads: UploadLimits,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = req.method === 'POST' ? await readBody(req, uploads) : undefined;
  // Headers go to Apollo unchanged, so its CSRF prevention still asks multipart senders for a preflight header.
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: () => context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function readBody(req: IncomingMessage, uploads: UploadLimits): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('multipart/form-data') ? readMultipartOperations(req, uploads) : readJsonBody(req);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new BodyError(`request body over ${MAX_JSON_BYTES} bytes`, 413);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('request body is not valid JSON', 400);
  }
}
