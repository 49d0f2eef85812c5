import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CORPUS_FORMATS, type CorpusFormat } from '@ser/events';
import { hashFile, type HashedFile } from './content-hash';
import { decideLabel } from './emotion-labels';
import type { FileCandidate } from './importers/candidate';
import { IMPORTERS } from './importers/registry';
import { SKIP_REASONS, type Manifest, type ManifestEntry, type SkippedFile } from './manifest';
import { extensionOf, isInside } from './paths';

export interface ImportOptions {
  format: CorpusFormat;
  /** Raw or normalised corpus label -> platform label; with a non-empty map, unmapped labels are skipped. */
  labelMap?: Readonly<Record<string, string>>;
  /** For format 'manifest': the CSV/JSONL file, relative to the root or absolute. */
  manifestFile?: string;
  /** Called after each file with (files done, files in the corpus); costs one extra listing pass. */
  onProgress?: (done: number, total: number) => void;
}

export type ScanItem = { kind: 'entry'; entry: ManifestEntry } | { kind: 'skipped'; skipped: SkippedFile };

// The canonical header alone: a 44-byte WAV holds no samples.
const WAV_HEADER_BYTES = 44;

/**
 * Streams a corpus as manifest entries and skips, one file at a time, in a stable order.
 * Only the file in hand is read (hashing streams it), so memory does not grow with the corpus.
 */
export async function* scanCorpus(root: string, options: ImportOptions): AsyncGenerator<ScanItem> {
  if (!(CORPUS_FORMATS as readonly string[]).includes(options.format)) {
    throw new RangeError(`unknown corpus format "${options.format}"; one of ${CORPUS_FORMATS.join(', ')}`);
  }
  const absoluteRoot = resolve(root);
  const realRoot = await realpath(absoluteRoot);
  const importer = IMPORTERS[options.format];
  const context = { root: absoluteRoot, ...(options.manifestFile === undefined ? {} : { manifestFile: options.manifestFile }) };
  let total = 0;
  if (options.onProgress) {
    for await (const _candidate of importer(context)) total++;
    options.onProgress(0, total);
  }
  const seenIds = new Set<string>();
  let done = 0;
  for await (const candidate of importer(context)) {
    const item: ScanItem =
      candidate.kind === 'skip'
        ? { kind: 'skipped', skipped: { path: candidate.path, reason: candidate.reason } }
        : await toEntry(candidate, absoluteRoot, realRoot, options.labelMap, seenIds);
    done++;
    // A file added between the two passes must not report more than 100 %.
    options.onProgress?.(done, Math.max(total, done));
    yield item;
  }
}

async function toEntry(candidate: FileCandidate, root: string, realRoot: string, labelMap: ImportOptions['labelMap'], seenIds: Set<string>): Promise<ScanItem> {
  const skipped = (reason: SkippedFile['reason']): ScanItem => ({ kind: 'skipped', skipped: { path: candidate.path, reason } });
  // Labels first: a file dropped by the protocol is not worth reading.
  const decision = decideLabel(candidate.rawLabel, candidate.label, labelMap);
  if ('dropped' in decision) return skipped(decision.dropped);
  if (seenIds.has(candidate.utteranceId)) return skipped(SKIP_REASONS.duplicateUtterance);

  const absolute = join(root, candidate.path);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    return skipped(SKIP_REASONS.notFound);
  }
  if (!isInside(real, realRoot)) return skipped(SKIP_REASONS.outsideRoot);
  const info = await stat(real);
  if (!info.isFile()) return skipped(SKIP_REASONS.notAFile);
  const isWav = extensionOf(candidate.path) === '.wav';
  // Exactly a header is an empty recording; shorter or non-RIFF bytes go on to the decoder, which can say
  // precisely what they are (truncated, not a WAV at all).
  if (info.size === 0 || (isWav && info.size === WAV_HEADER_BYTES)) return skipped(SKIP_REASONS.empty);
  let hashed: HashedFile;
  try {
    hashed = await hashFile(real, info.size, isWav);
  } catch {
    return skipped(SKIP_REASONS.unreadable);
  }
  seenIds.add(candidate.utteranceId);
  const { kind: _kind, ...described } = candidate;
  return { kind: 'entry', entry: { ...described, label: decision.label, ...hashed } };
}

/** Imports a whole corpus into a manifest (entries and skips in scan order). */
export async function importCorpus(root: string, options: ImportOptions): Promise<Manifest> {
  const manifest: Manifest = { corpus: options.format, root: resolve(root), entries: [], skipped: [] };
  for await (const item of scanCorpus(root, options)) {
    if (item.kind === 'entry') manifest.entries.push(item.entry);
    else manifest.skipped.push(item.skipped);
  }
  return manifest;
}
