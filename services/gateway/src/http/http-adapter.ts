import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyError, bodyTooLarge } from './body-error';
import { readMultipartOperations, type UploadLimits } from './multipart';

/** Largest JSON body accepted; audio uploads use multipart and have their own limit. */
const MAX_JSON_BYTES = 1 << 20;
/**
 * After refusing a body the adapter still reads (and drops) what the client sends, so the client gets to read the
 * 413 instead of a connection reset; past this many further bytes it gives up and closes the connection.
 */
const MAX_DISCARDED_BYTES = 64 << 20;

export interface HttpLimits extends UploadLimits {
  /** Largest request body of any kind, in bytes; over it the answer is 413. */
  maxBodyBytes: number;
}

/** Rewrites (or refuses, with a BodyError) a request's parsed body and query string before Apollo sees them. */
export type PrepareRequest = (body: unknown, search: string) => { body: unknown; search: string };

/**
 * Bridges node:http to Apollo's transport-neutral executeHTTPGraphQLRequest, reading JSON bodies and GraphQL
 * multipart uploads. Why not startStandaloneServer: it owns the http.Server, and the gateway needs that server
 * for graphql-ws too.
 */
export function graphqlHttpHandler<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (req: IncomingMessage) => Promise<C>,
  limits: HttpLimits,
  prepare?: PrepareRequest,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(server, context, limits, req, res, prepare).catch((err: Error) => {
      const refused = err instanceof BodyError ? err : undefined;
      if (!res.headersSent) res.writeHead(refused?.status ?? 500, { 'content-type': 'application/json' });
      const error = refused
        ? { message: refused.message, extensions: { code: refused.code, ...refused.extensions } }
        : { message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      res.end(JSON.stringify({ errors: [error] }));
      discardRest(req);
    });
  };
}

async function handle<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (req: IncomingMessage) => Promise<C>,
  limits: HttpLimits,
  req: IncomingMessage,
  res: ServerResponse,
  prepare: PrepareRequest | undefined,
): Promise<void> {
  // A declared length over the limit is refused before a byte is read; chunked bodies are counted as they arrive.
  if (Number(req.headers['content-length']) > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const read = req.method === 'POST' ? await readBody(req, limits) : undefined;
  const { body, search } = prepare ? prepare(read, url.search) : { body: read, search: url.search };
  // Headers go to Apollo unchanged, so its CSRF prevention still asks multipart senders for a preflight header.
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search, body },
    context: () => context(req),
  });
  for (const [key, value] of response.headers) {
    // Keep the CORS handler's `Vary: Origin` when Apollo varies on other headers too.
    const previous = res.getHeader(key);
    res.setHeader(key, key === 'vary' && typeof previous === 'string' ? `${previous}, ${value}` : value);
  }
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function readBody(req: IncomingMessage, limits: HttpLimits): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('multipart/form-data') ? readMultipartOperations(req, limits, limits.maxBodyBytes) : readJsonBody(req, limits.maxBodyBytes);
}

async function readJsonBody(req: IncomingMessage, maxBodyBytes: number): Promise<unknown> {
  const limit = Math.min(MAX_JSON_BYTES, maxBodyBytes);
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Not `for await`: leaving its loop destroys the request, and with it the socket the 413 must go out on.
      req.off('data', onData);
      reject(limit === maxBodyBytes ? bodyTooLarge(maxBodyBytes) : new BodyError(`JSON request body over ${limit} bytes`, 413, { maxJsonBytes: limit }));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
  const text = raw.toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('request body is not valid JSON', 400);
  }
}

/** Reads and drops the rest of a refused request body, up to MAX_DISCARDED_BYTES; then closes the connection. */
function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy();
  });
  req.resume();
}
