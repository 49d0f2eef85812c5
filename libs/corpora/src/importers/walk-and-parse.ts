import { walkFiles } from '../walk-files';
import type { SkipReason } from '../manifest';
import type { Candidate, FileCandidate } from './candidate';

export type ParsedFile = Omit<FileCandidate, 'kind' | 'path'>;

/**
 * Shared body of the importers whose labels live in file or folder names: walk the audio files
 * and let `parse` read each relative path, returning what it knows or why the file is skipped.
 */
export async function* walkAndParse(root: string, extensions: readonly string[], parse: (path: string) => ParsedFile | SkipReason): AsyncGenerator<Candidate> {
  for await (const item of walkFiles(root, extensions)) {
    if (item.kind === 'skip') {
      yield item;
      continue;
    }
    const parsed = parse(item.path);
    yield typeof parsed === 'string' ? { kind: 'skip', path: item.path, reason: parsed } : { kind: 'file', path: item.path, ...parsed };
  }
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
