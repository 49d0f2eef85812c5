/** A key that is not a safe relative POSIX path; nothing was read or written. */
export class InvalidArtifactKeyError extends Error {
  readonly code = 'INVALID_ARTIFACT_KEY';
  constructor(key: string, reason: string) {
    super(`invalid artifact key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidArtifactKeyError';
  }
}

export class ArtifactNotFoundError extends Error {
  readonly code = 'ARTIFACT_NOT_FOUND';
  constructor(readonly key: string) {
    super(`artifact ${JSON.stringify(key)} not found`);
    this.name = 'ArtifactNotFoundError';
  }
}

/** Top-level directory of in-flight writes; no key may live there. */
export const TEMP_DIR = '.tmp';
const MAX_KEY_LENGTH = 1024;

/**
 * Keys are relative POSIX paths (`checkpoints/<run>/epoch-3.bin`). Anything that could leave the root or
 * mean two things on disk is refused: absolute paths, `.`/`..` and empty segments, backslashes, control
 * characters (NUL included).
 */
export function assertValidKey(key: string): void {
  assertValidPath(key, false);
}

/** A list() prefix: like a key, but may be empty or end with '/', and its last segment may be partial. */
export function assertValidPrefix(prefix: string): void {
  if (prefix !== '') assertValidPath(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix, true);
}

function assertValidPath(path: string, isPrefix: boolean): void {
  const fail = (reason: string) => {
    throw new InvalidArtifactKeyError(path, reason);
  };
  if (typeof path !== 'string' || path.length === 0) fail('must be a non-empty string');
  if (path.length > MAX_KEY_LENGTH) fail(`longer than ${MAX_KEY_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (/[\u0000-\u001f\u007f]/.test(path)) fail('contains a control character (NUL included)');
  if (path.includes('\\')) fail("contains '\\'; use '/' between segments");
  if (path.startsWith('/')) fail('must be relative, not absolute');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '') fail(isPrefix ? 'has an empty segment' : "has an empty segment (leading, trailing or doubled '/')");
    if (segment === '.' || segment === '..') fail(`'${segment}' segments are not allowed`);
  }
  if (segments[0] === TEMP_DIR && (segments.length > 1 || !isPrefix)) fail(`'${TEMP_DIR}/' is reserved for in-flight writes`);
}
