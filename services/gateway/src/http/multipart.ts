import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { BodyError, bodyTooLarge } from './body-error';

/** One uploaded file, fully read (audio clips are small; the size limit keeps them so). */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly mimetype: string,
    readonly content: Buffer,
  ) {}
}

export interface UploadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Files per request. */
  maxFiles: number;
}

/** 12 MiB: the inference service's default inference.maxAudioBytes; a larger upload would be refused there anyway. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 12 << 20, maxFiles: 4 };
// `operations` and `map` are small JSON documents.
const MAX_FIELD_BYTES = 1 << 20;

/**
 * Reads a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): the
 * `operations` field, the `map` field, then the files; returns operations with each mapped variable path set to
 * its UploadedFile.
 */
export function readMultipartOperations(req: IncomingMessage, limits: UploadLimits, maxBodyBytes = Infinity): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let operations: unknown;
    let map: Record<string, string[]> | undefined;
    const files = new Map<string, UploadedFile>();
    const pending: Promise<void>[] = [];
    let failed = false;
    const fail = (err: BodyError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume(); // drain the rest so the client can read our answer
      reject(err);
    };
    let parser: busboy.Busboy;
    try {
      // busboy marks a file that reaches fileSize as truncated, so a file of exactly maxFileBytes needs one byte more.
      parser = busboy({ headers: req.headers, limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, fieldSize: MAX_FIELD_BYTES } });
    } catch (err) {
      reject(new BodyError(`malformed multipart request: ${(err as Error).message}`, 400));
      return;
    }
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new BodyError(`multipart field '${name}' is over ${MAX_FIELD_BYTES} bytes`, 413));
      try {
        if (name === 'operations') operations = JSON.parse(value);
        else if (name === 'map') map = JSON.parse(value) as Record<string, string[]>;
      } catch {
        fail(new BodyError(`multipart field '${name}' is not valid JSON`, 400));
      }
    });
    parser.on('file', (name, stream, info) => {
      if (operations === undefined || map === undefined) {
        stream.resume();
        return fail(new BodyError("multipart files must follow the 'operations' and 'map' fields", 400));
      }
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            if ((stream as { truncated?: boolean }).truncated) fail(new BodyError(`upload '${info.filename}' is over ${limits.maxFileBytes} bytes`, 413));
            else files.set(name, new UploadedFile(info.filename ?? name, info.mimeType, Buffer.concat(chunks)));
            done();
          });
        }),
      );
    });
    parser.on('filesLimit', () => fail(new BodyError(`more than ${limits.maxFiles} files in one request`, 413)));
    parser.on('error', (err: Error) => fail(new BodyError(`malformed multipart request: ${err.message}`, 400)));
    parser.on('close', () => {
      void Promise.all(pending).then(() => {
        if (failed) return;
        if (operations === undefined || map === undefined) return fail(new BodyError("multipart request lacks 'operations' or 'map'", 400));
        try {
          for (const [key, paths] of Object.entries(map)) {
            const file = files.get(key);
            if (!file) throw new BodyError(`map names file '${key}', which the request does not carry`, 400);
            for (const path of paths) setPath(operations, path, file);
          }
        } catch (err) {
          return fail(err instanceof BodyError ? err : new BodyError(String(err), 400));
        }
        resolve(operations);
      });
    });
    // The whole body counts, not only files: fields and parts past maxFiles would otherwise stream on unbounded.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBodyBytes) fail(bodyTooLarge(maxBodyBytes));
    });
    req.pipe(parser);
  });
}

/** Sets `variables.input.audio` (dot path, numeric segments index arrays) on an operations object. */
function setPath(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    // Own properties only: a path like `__proto__.polluted` must not reach Object.prototype.
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next !== 'object' || next === null) throw new BodyError(`map path '${path}' does not exist in operations`, 400);
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (!Object.hasOwn(node, last) || node[last] !== null) throw new BodyError(`map path '${path}' must point at a null placeholder`, 400);
  node[last] = value;
}
