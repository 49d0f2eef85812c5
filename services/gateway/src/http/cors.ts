import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Request headers a browser app may send: its token, JSON bodies, and the header Apollo's CSRF prevention asks
 * multipart uploads for (plus the operation-name header Apollo Client can send instead).
 */
const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
// How long a browser may reuse a preflight answer; short, so a changed allowlist takes effect within minutes.
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for an allowlist of origins (`*` allows any). Tokens travel in the Authorization header, never in cookies,
 * so credentials are not allowed and `*` does not let other sites act as a signed-in user. Returns true when it
 * answered the request (a preflight); otherwise it only added headers and the request goes on.
 */
export function corsHandler(origins: readonly string[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    const isAllowed = origin !== undefined && (anyOrigin || allowed.has(origin));
    // Caches must not hand one origin's answer to another.
    if (!anyOrigin) res.setHeader('vary', 'Origin');
    if (isAllowed) res.setHeader('access-control-allow-origin', anyOrigin ? '*' : origin);
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (!preflight) return false;
    if (!isAllowed) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`origin ${origin} is not allowed to call this API (SER_GATEWAY_CORS_ORIGINS)\n`);
      return true;
    }
    res
      .writeHead(204, {
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      })
      .end();
    return true;
  };
}
