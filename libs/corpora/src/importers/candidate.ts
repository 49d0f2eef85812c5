import type { Gender, SkippedFile } from '../manifest';

/**
 * What an importer knows about one file from the layout alone, before the shared pipeline
 * checks confinement, size and label maps and hashes the bytes.
 */
export interface FileCandidate {
  kind: 'file';
  /** Relative to the corpus root, POSIX. */
  path: string;
  utteranceId: string;
  /** Native label; null only for unlabelled audio. */
  rawLabel: string | null;
  /** Normalised platform label; null with a non-null rawLabel means "not in this corpus's protocol". */
  label: string | null;
  speaker: string | null;
  session: string | null;
  gender: Gender | null;
  split?: string;
}

export type Candidate = FileCandidate | ({ kind: 'skip' } & SkippedFile);

export interface ImporterContext {
  /** Absolute corpus root as given (symlinks not resolved). */
  root: string;
  manifestFile?: string;
}

/** An importer turns one corpus layout into candidates, lazily, in a stable order. */
export type CorpusImporter = (context: ImporterContext) => AsyncIterable<Candidate>;

export const skip = (path: string, reason: SkippedFile['reason']): Candidate => ({ kind: 'skip', path, reason });
