import type { CorpusFormat } from '@ser/events';

export type Gender = 'female' | 'male';

/** One utterance of a corpus, as the features service will read it. */
export interface ManifestEntry {
  /** Unique within the manifest; usually the corpus's own utterance name (file stem). */
  utteranceId: string;
  /** Relative to the corpus root, POSIX separators. */
  path: string;
  /** Platform label after normalisation and the label map; null for unlabelled audio. */
  label: string | null;
  /** The label exactly as the corpus writes it (`exc`, `W`, `ANG`, ...). */
  rawLabel: string | null;
  speaker: string | null;
  session: string | null;
  gender: Gender | null;
  split?: string;
  /** From the WAV header when it can be read cheaply; other containers are timed by the decoder. */
  durationSeconds?: number;
  /** sha256 of the file bytes, lower-case hex. */
  contentHash: string;
}

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

export interface Manifest {
  corpus: CorpusFormat;
  /** Absolute corpus root the entry paths are relative to. */
  root: string;
  entries: ManifestEntry[];
  skipped: SkippedFile[];
}

/**
 * Every reason a file is left out. Fixed strings so the service and the UI can group them;
 * decoding reasons ('unreadable audio', 'too short') are added later by the features service.
 */
export const SKIP_REASONS = {
  empty: 'empty',
  unreadable: 'unreadable',
  notFound: 'file not found',
  notAFile: 'not a regular file',
  outsideRoot: 'outside corpus root',
  unrecognisedName: 'unrecognised file name',
  unexpectedLocation: 'unexpected location in corpus layout',
  labelNotInProtocol: 'label not in protocol',
  labelNotInMap: 'label not in label map',
  noMajorityLabel: 'no majority label',
  noLabelFound: 'no label found',
  duplicateUtterance: 'duplicate utterance id',
  invalidManifestRow: 'invalid manifest row',
  unsupportedFormat: 'unsupported audio format',
} as const;

export type SkipReason = (typeof SKIP_REASONS)[keyof typeof SKIP_REASONS];

/** Raised when a corpus cannot be imported at all (no manifest file, no IEMOCAP sessions, ...). */
export class CorpusLayoutError extends Error {
  override name = 'CorpusLayoutError';
}
