import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readCsvRecords } from '../csv';
import { normaliseEmotionName } from '../emotion-labels';
import { CorpusLayoutError, SKIP_REASONS, type Gender } from '../manifest';
import { AUDIO_EXTENSIONS, extensionOf, isInside, toPosixRelative, withoutExtension } from '../paths';
import { skip, type Candidate, type CorpusImporter } from './candidate';

/**
 * A user's own manifest, CSV (header row) or JSONL (one object per line), with columns
 *   path, label               (label may be empty / null: unlabelled audio)
 *   speaker, session, split, gender, utterance_id   (optional)
 * Paths are relative to the manifest file's folder, or absolute inside the corpus root; any path
 * resolving outside the root (`../..`, absolute elsewhere) is skipped as 'outside corpus root'.
 * Without `manifestFile`, `manifest.csv` then `manifest.jsonl` in the root are used.
 */
export const DEFAULT_MANIFEST_FILES = ['manifest.csv', 'manifest.jsonl'] as const;

interface ManifestRow {
  path?: unknown;
  label?: unknown;
  speaker?: unknown;
  session?: unknown;
  split?: unknown;
  gender?: unknown;
  utteranceId?: unknown;
}

const COLUMN_ALIASES: Record<string, keyof ManifestRow> = {
  path: 'path',
  file: 'path',
  label: 'label',
  emotion: 'label',
  speaker: 'speaker',
  session: 'session',
  split: 'split',
  gender: 'gender',
  utterance_id: 'utteranceId',
  utteranceid: 'utteranceId',
  id: 'utteranceId',
};

const GENDERS: Record<string, Gender> = { f: 'female', female: 'female', w: 'female', m: 'male', male: 'male' };

async function locateManifest(root: string, manifestFile: string | undefined): Promise<string> {
  if (manifestFile !== undefined) return isAbsolute(manifestFile) ? manifestFile : resolve(root, manifestFile);
  for (const name of DEFAULT_MANIFEST_FILES) {
    const candidate = resolve(root, name);
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new CorpusLayoutError(`no manifestFile given and none of ${DEFAULT_MANIFEST_FILES.join(', ')} in ${root}`);
}

/** Optional text column: absent or blank -> null; anything but a string -> undefined (invalid). */
function text(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function rowToCandidate(row: ManifestRow, where: string, root: string, manifestDir: string): Candidate {
  const written = text(row.path);
  const rawLabel = text(row.label);
  const [speaker, session, split, utteranceId, genderText] = [row.speaker, row.session, row.split, row.utteranceId, row.gender].map(text);
  if (!written || rawLabel === undefined || [speaker, session, split, utteranceId, genderText].includes(undefined)) {
    return skip(where, SKIP_REASONS.invalidManifestRow);
  }
  const gender = genderText ? GENDERS[genderText.toLowerCase()] : null;
  if (gender === undefined) return skip(where, SKIP_REASONS.invalidManifestRow);
  const absolute = isAbsolute(written) ? resolve(written) : resolve(manifestDir, written);
  if (!isInside(absolute, root)) return skip(written, SKIP_REASONS.outsideRoot);
  const path = toPosixRelative(root, absolute);
  if (!(AUDIO_EXTENSIONS as readonly string[]).includes(extensionOf(path))) return skip(path, SKIP_REASONS.unsupportedFormat);
  return {
    kind: 'file',
    path,
    utteranceId: utteranceId ?? withoutExtension(path),
    rawLabel,
    // Unknown names are kept (lower-cased): a user's manifest may define its own classes.
    label: rawLabel === null ? null : (normaliseEmotionName(rawLabel) ?? rawLabel.toLowerCase()),
    speaker: speaker ?? null,
    session: session ?? null,
    gender,
    ...(split ? { split } : {}),
  };
}

async function* csvRows(file: string): AsyncGenerator<{ line: number; row: ManifestRow | null }> {
  let columns: Array<keyof ManifestRow | undefined> | null = null;
  for await (const { line, fields } of readCsvRecords(file)) {
    if (columns === null) {
      columns = fields.map((f) => COLUMN_ALIASES[f.trim().toLowerCase()]);
      if (!columns.includes('path')) throw new CorpusLayoutError(`${file}: the header has no "path" column`);
      continue;
    }
    const row: ManifestRow = {};
    columns.forEach((column, i) => {
      if (column) row[column] = fields[i];
    });
    yield { line, row };
  }
}

async function* jsonlRows(file: string): AsyncGenerator<{ line: number; row: ManifestRow | null }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      yield { line, row: null };
      continue;
    }
    const row: ManifestRow = {};
    for (const [key, value] of Object.entries(parsed)) {
      const column = COLUMN_ALIASES[key.toLowerCase()];
      if (column) row[column] = value;
    }
    yield { line, row };
  }
}

export const importManifestFile: CorpusImporter = async function* ({ root, manifestFile }) {
  const file = await locateManifest(root, manifestFile);
  const extension = extensionOf(file);
  const rows = extension === '.csv' ? csvRows(file) : extension === '.jsonl' || extension === '.ndjson' ? jsonlRows(file) : null;
  if (rows === null) throw new CorpusLayoutError(`${file}: manifest files are .csv or .jsonl`);
  const name = isInside(file, root) ? toPosixRelative(root, file) : basename(file);
  for await (const { line, row } of rows) {
    const where = `${name}:${line}`;
    yield row === null ? skip(where, SKIP_REASONS.invalidManifestRow) : rowToCandidate(row, where, root, dirname(file));
  }
};
