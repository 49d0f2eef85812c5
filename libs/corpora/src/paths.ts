import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Audio containers every importer accepts: what the front end decodes (WAV itself, the rest through ffmpeg). Named
 * corpora are often redistributed converted (the shared RAVDESS copy is FLAC), so no importer is WAV-only.
 */
export const AUDIO_EXTENSIONS = ['.wav', '.flac', '.mp3', '.ogg', '.m4a'] as const;

/** True when `child` is `parent` or lies below it (both absolute, already resolved). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `a\b/c.wav` relative to root, with POSIX separators whatever the platform. */
export function toPosixRelative(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}

export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
}

export function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Follows symlinks when the path exists, so a link cannot smuggle a path out of a root. */
function realOrResolved(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

/**
 * Confines a user-given corpus location to the configured roots: resolves `..` and symlinks and
 * throws unless the result lies inside one of `allowedRoots`. Returns the resolved real path.
 */
export function assertInsideRoots(path: string, allowedRoots: readonly string[]): string {
  const real = realOrResolved(path);
  const lexical = resolve(path);
  const inside = allowedRoots.some((root) => {
    const realRoot = realOrResolved(root);
    // Both the lexical and the real path must stay inside: a lexical `..` escape is refused even
    // when a symlink would bring it back, and a symlink escape is refused even when it looks inside.
    return (isInside(lexical, resolve(root)) || isInside(lexical, realRoot)) && isInside(real, realRoot);
  });
  if (!inside) {
    throw new RangeError(`${path} is outside the allowed corpus roots (${allowedRoots.join(', ') || 'none configured'})`);
  }
  return real;
}

/** `a/b/c.wav` -> `a/b/c` (only the final extension is removed). */
export function withoutExtension(path: string): string {
  const ext = extensionOf(path);
  return ext === '' ? path : path.slice(0, -ext.length);
}
