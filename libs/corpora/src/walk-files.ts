import { opendir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isInside, extensionOf } from './paths';
import { SKIP_REASONS, type SkippedFile } from './manifest';

export type WalkItem = { kind: 'file'; path: string } | { kind: 'skip'; path: string; reason: SkippedFile['reason'] };

/**
 * Depth-first walk below `root/start` yielding files whose extension is in `extensions`, as POSIX
 * paths relative to `root`, in name order so every import of the same tree sees the same order.
 * Only one directory listing is held at a time.
 *
 * - Hidden names (`.DS_Store`, macOS `._x.wav` resource forks common in IEMOCAP copies) are ignored.
 * - A directory symlink is never descended into: one leading outside is reported as
 *   'outside corpus root'; one inside is ignored (its target is walked already, and loops are impossible).
 * - File symlinks are yielded; the scan pipeline checks where they really point.
 */
export async function* walkFiles(root: string, extensions: readonly string[], start = ''): AsyncGenerator<WalkItem> {
  const realRoot = await realpath(root);
  yield* walkDirectory(root, realRoot, start, new Set(extensions));
}

async function* walkDirectory(root: string, realRoot: string, relDir: string, extensions: Set<string>): AsyncGenerator<WalkItem> {
  let names: Array<{ name: string; isDir: boolean; isFile: boolean; isLink: boolean }>;
  try {
    const dir = await opendir(join(root, relDir));
    names = [];
    for await (const d of dir) {
      names.push({ name: d.name, isDir: d.isDirectory(), isFile: d.isFile(), isLink: d.isSymbolicLink() });
    }
  } catch {
    return; // an absent optional folder (e.g. IEMOCAP session without wavs) simply has no files
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    if (entry.name.startsWith('.')) continue;
    const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    if (entry.isDir) {
      yield* walkDirectory(root, realRoot, rel, extensions);
    } else if (entry.isLink) {
      const target = await realpath(join(root, rel)).catch(() => null);
      const isAudio = extensions.has(extensionOf(rel));
      if (target !== null && !isInside(target, realRoot)) {
        const pointsToDirectory = await stat(target).then(
          (s) => s.isDirectory(),
          () => false,
        );
        if (isAudio || pointsToDirectory) yield { kind: 'skip', path: rel, reason: SKIP_REASONS.outsideRoot };
      } else if (isAudio) {
        yield { kind: 'file', path: rel };
      }
    } else if (entry.isFile && extensions.has(extensionOf(rel))) {
      yield { kind: 'file', path: rel };
    }
  }
}
