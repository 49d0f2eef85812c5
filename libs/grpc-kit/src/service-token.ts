// Service tokens: who is calling (iss), which gRPC service it calls (aud) and until when (exp), signed
// with a secret every platform process shares. The format is a JWT with HS256 (RFC 7519), so any JWT
// library or jwt.io can read one; the code is ours because it is twenty lines and admits only HS256.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Shortest secret accepted: 32 bytes of entropy, the HS256 key size RFC 7518 sec. 3.2 asks for. */
export const MIN_SERVICE_SECRET_LENGTH = 32;
/** Lifetime of a token; one is minted per call, so this only has to cover the call's start. */
export const DEFAULT_SERVICE_TOKEN_TTL_SECONDS = 60;
/** Clock difference tolerated between two pods. */
const CLOCK_SKEW_SECONDS = 30;

export interface ServiceTokenClaims {
  /** The calling service ('gateway', 'classifier-trainer', 'operator', ...). */
  iss: string;
  /** The called gRPC service, e.g. 'ser.v1.ClassifierTrainingService'. */
  aud: string;
  iat: number;
  exp: number;
}

export class ServiceTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceTokenError';
  }
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function sign(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

export function assertServiceSecret(secret: string): void {
  if (secret.length < MIN_SERVICE_SECRET_LENGTH) {
    throw new ServiceTokenError(`the service token secret must be at least ${MIN_SERVICE_SECRET_LENGTH} characters (got ${secret.length})`);
  }
}

/** A token for `caller` to call the gRPC service `audience`, valid for ttlSeconds from nowSeconds. */
export function mintServiceToken(
  secret: string,
  claims: { caller: string; audience: string },
  opts: { ttlSeconds?: number; nowSeconds?: number } = {},
): string {
  const iat = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  const payload: ServiceTokenClaims = { iss: claims.caller, aud: claims.audience, iat, exp: iat + (opts.ttlSeconds ?? DEFAULT_SERVICE_TOKEN_TTL_SECONDS) };
  const signingInput = `${HEADER}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${sign(secret, signingInput).toString('base64url')}`;
}

/**
 * The claims of `token` when it is signed with `secret`, unexpired and meant for `audience`; otherwise a
 * ServiceTokenError saying which check failed (the caller learns nothing it could not compute itself).
 */
export function verifyServiceToken(secret: string, token: string, audience: string, nowSeconds = Math.floor(Date.now() / 1000)): ServiceTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new ServiceTokenError('malformed service token');
  const [header, payload, signature] = parts as [string, string, string];
  // Only our exact header: no 'none', no algorithm the caller picks.
  if (header !== HEADER) throw new ServiceTokenError('service token is not HS256');
  const expected = sign(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ServiceTokenError('service token signature does not match');
  let claims: Partial<ServiceTokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<ServiceTokenClaims>;
  } catch {
    throw new ServiceTokenError('malformed service token payload');
  }
  if (typeof claims.iss !== 'string' || typeof claims.aud !== 'string' || typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
    throw new ServiceTokenError('service token lacks iss, aud, iat or exp');
  }
  if (claims.exp + CLOCK_SKEW_SECONDS < nowSeconds) throw new ServiceTokenError(`service token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  if (claims.iat - CLOCK_SKEW_SECONDS > nowSeconds) throw new ServiceTokenError('service token issued in the future');
  if (claims.aud !== audience) throw new ServiceTokenError(`service token is for ${claims.aud}, not ${audience}`);
  return claims as ServiceTokenClaims;
}
