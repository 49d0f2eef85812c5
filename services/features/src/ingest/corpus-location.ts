import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@ser/grpc-kit';

/**
 * Resolves a corpus URI (file:// or an absolute path) to a real directory inside one of the allowed roots.
 * Symlinks are resolved first, so a link cannot lead outside the roots.
 */
export function resolveCorpusLocation(uri: string, allowedRoots: string[]): string {
  if (!uri) throw new DomainError('INVALID_ARGUMENT', 'corpus uri is empty', { violations: [{ field: 'uri', description: 'required' }] });
  let path: string;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    throw new DomainError('INVALID_ARGUMENT', `corpus uri '${uri}' is not a file URI or path`, {
      violations: [{ field: 'uri', description: 'unsupported scheme' }],
    });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    throw new DomainError('INVALID_ARGUMENT', `corpus uri scheme of '${uri}' is not supported (use file:// or a path)`, {
      violations: [{ field: 'uri', description: 'unsupported scheme' }],
    });
  }
  if (!isAbsolute(path))
    throw new DomainError('INVALID_ARGUMENT', `corpus location '${uri}' must be absolute`, { violations: [{ field: 'uri', description: 'must be absolute' }] });
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isDirectory()) throw new Error('not a directory');
  } catch (err) {
    throw new DomainError('NOT_FOUND', `corpus location '${uri}' is not a readable directory: ${(err as Error).message}`);
  }
  const roots = allowedRoots.map((r) => {
    try {
      return realpathSync(resolve(r));
    } catch {
      return resolve(r);
    }
  });
  const inside = roots.some((root) => {
    const rel = relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
  if (!inside) {
    // Name the real directory when a symbolic link led there: the path the user gave may well look inside.
    const via = real === resolve(path) ? '' : ` (it resolves to ${real} through a symbolic link)`;
    throw new DomainError('PERMISSION_DENIED', `corpus location '${uri}' is outside the allowed corpus roots${via}`, {
      violations: [{ field: 'uri', description: `must be under one of: ${roots.join(', ')}` }],
    });
  }
  return real;
}
