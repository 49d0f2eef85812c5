import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the API and the probes, never to the single-page app. */
const API_PATHS = ['/graphql', '/healthz', '/readyz', '/metrics'];

/**
 * Serves a single-page app's built files (the web console's `vite build` output) from `dir`:
 * - a file under `dir` by its path; Vite's content-hashed `/assets/*` are cached for a year, everything else is
 *   revalidated, so a rebuilt console is picked up on the next load;
 * - any other GET of a page path (no file extension) gets index.html (SPA fallback), so a reload of /runs/abc or a
 *   shared link opens the page the app's router draws;
 * - a path escaping `dir` (`..`, encoded or not) is never read.
 * Returns true when it answered; API paths and other methods go on to the next handler.
 */
export function staticFileHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = resolve(dir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false; // malformed escapes: let the 404 answer it
    }
    if (API_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return false;
    const file = resolve(join(root, normalize(path)));
    if (file !== root && !file.startsWith(root + sep)) return false;
    if (isFile(file)) return send(req, res, file, path.startsWith('/assets/'));
    const index = join(root, 'index.html');
    if (extname(path) === '' && isFile(index)) return send(req, res, index, false);
    return false;
  };
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function send(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean): true {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
