// GET /exports/<name>/<version>.<ext>: a model version's export (ONNX) as a file download, the link
// ModelVersion.downloadUrl gives. Its own prefix, not under /models: that is a console page path, and the console's
// nginx and the chart's Ingress send /exports to the gateway as they send /graphql. The model registry makes the export and keeps it (ExportModelVersion); this route
// only checks the caller as GraphQL reads are checked and streams the registry's chunks to the response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportFormat, ExportModelVersionResponse__Output, ModelRegistryServiceClient } from '@ser/contracts';
import { deadlineIn, grpcCodeToGraphqlCode, iterateStream, readErrorDetails, type GraphqlErrorCode } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { GraphQLError } from '../graphql-runtime';
import { authenticate, requireRead } from '../auth/access';
import type { GatewayStore } from '../gateway-store';

/** The download's file extension of each GraphQL ExportFormat, and the registry's format it asks for. */
export const EXPORT_FORMATS: Readonly<Record<string, { extension: string; registry: ExportFormat }>> = {
  ONNX: { extension: 'onnx', registry: 'EXPORT_FORMAT_ONNX' },
};

/** How long one download may take: a version's first export converts the model, in the registry. */
const EXPORT_DEADLINE_MS = 10 * 60_000;

/** The gateway's path of a version's export: names are URI-encoded, so any registered name makes one path segment. */
export function modelExportPath(name: string, version: number, extension: string): string {
  return `${MODEL_EXPORTS_PREFIX}${encodeURIComponent(name)}/${version}.${extension}`;
}

/** Where the downloads live on the gateway (deploy/docker/console-nginx.conf.template and the Ingress forward it). */
export const MODEL_EXPORTS_PREFIX = '/exports/';

const PATH = /^\/exports\/([^/]+)\/([1-9][0-9]*)\.([a-z]+)$/;

/** The HTTP status of each code the registry's refusals map to (the auth errors carry theirs in extensions.http). */
const HTTP_STATUS: Partial<Record<GraphqlErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // The version exists but its kind has no export to this format: the request cannot be served as it stands.
  FAILED_PRECONDITION: 422,
  SERVICE_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/** An error answer in the shape the gateway's other HTTP errors have: `{ errors: [{ message, extensions: { code } }] }`. */
function sendError(res: ServerResponse, code: GraphqlErrorCode, message: string, status = HTTP_STATUS[code] ?? 500): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify({ errors: [{ message, extensions: { code } }] })}\n`);
}

export interface ModelExportDownloadOptions {
  /** Where bearer tokens are looked up. */
  store: GatewayStore;
  registry: ModelRegistryServiceClient;
  /** As for GraphQL reads (config gateway.anonymousRead): without it a download needs a bearer token. */
  anonymousRead: boolean;
  logger: Logger;
}

/** Answers GET /exports/<name>/<version>.<ext>; returns false for every other request. */
export function modelExportHandler(opts: ModelExportDownloadOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const match = PATH.exec((req.url ?? '/').split('?')[0]!);
    if (!match) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end('only GET downloads an export\n');
      return true;
    }
    const [, encodedName, version, extension] = match;
    download(opts, decodeURIComponent(encodedName!), version!, extension!, req, res).catch((err: Error) => {
      // After the headers only the connection can say it failed: the client sees a body shorter than content-length.
      if (res.headersSent) {
        opts.logger.warn({ err, url: req.url }, 'model export download ended early');
        return void res.destroy();
      }
      opts.logger.error({ err, url: req.url }, 'model export download failed');
      sendError(res, 'INTERNAL_SERVER_ERROR', 'internal error');
    });
    return true;
  };
}

async function download(
  opts: ModelExportDownloadOptions,
  name: string,
  version: string,
  extension: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const principal = await authenticate(opts.store, req.headers.authorization, opts.logger);
    requireRead({ principal, logger: opts.logger }, opts.anonymousRead, 'downloading a model export');
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    const { http } = err.extensions as { http?: { status?: number } };
    return sendError(res, err.extensions.code as GraphqlErrorCode, err.message, http?.status);
  }
  const format = Object.values(EXPORT_FORMATS).find((f) => f.extension === extension);
  if (!format)
    return sendError(
      res,
      'NOT_FOUND',
      `no export format '.${extension}' (formats: ${Object.values(EXPORT_FORMATS)
        .map((f) => f.extension)
        .join(', ')})`,
    );
  const call = opts.registry.ExportModelVersion({ model: { name, version }, format: format.registry }, deadlineIn(EXPORT_DEADLINE_MS));
  const chunks = iterateStream<ExportModelVersionResponse__Output>(call);
  // The first chunk decides the status: a refusal (unknown version, kind without export) arrives before any bytes.
  let first: IteratorResult<ExportModelVersionResponse__Output>;
  try {
    first = await chunks.next();
  } catch (err) {
    const { code, message } = readErrorDetails(err);
    return sendError(res, grpcCodeToGraphqlCode(code), message);
  }
  if (first.done) throw new Error(`ExportModelVersion of ${name}:${version} sent no chunk`);
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(first.value.sizeBytes),
    // The registry's file name has letters, digits, '.', '_' and '-' only, so it needs no quoting rules.
    'content-disposition': `attachment; filename="${first.value.filename}"`,
    // A browser app on another origin (config gateway.corsOrigins) reads the file name from it.
    'access-control-expose-headers': 'content-disposition',
    'cache-control': 'private, no-cache',
  });
  const head = first.value;
  // pipeline keeps to the client's pace, and a client that leaves ends the generator, which cancels the gRPC call.
  await pipeline(
    Readable.from(
      (async function* () {
        yield head.data;
        for await (const chunk of chunks) yield chunk.data;
      })(),
    ),
    res,
  );
}
