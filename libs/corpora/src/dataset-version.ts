import { createHash } from 'node:crypto';
import type { Manifest, ManifestEntry } from './manifest';

// Bump when the serialisation changes, so old and new versions can never collide.
const VERSION_SCHEME = 'ser-manifest-v1';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Dataset version: sha256 over the entries sorted by utterance id, each serialised as the JSON
 * array [utteranceId, label, speaker, session, contentHash]. Independent of scan order, of the
 * absolute root and of metadata that does not change what a model learns (paths, durations).
 */
export function manifestVersion(manifest: Pick<Manifest, 'entries'>): string {
  const hash = createHash('sha256').update(`${VERSION_SCHEME}\n`);
  const sorted = [...manifest.entries].sort((a, b) => compare(a.utteranceId, b.utteranceId) || compare(a.contentHash, b.contentHash));
  for (const e of sorted) hash.update(`${JSON.stringify([e.utteranceId, e.label, e.speaker, e.session, e.contentHash])}\n`);
  return hash.digest('hex');
}

function countBy(entries: readonly ManifestEntry[], key: (e: ManifestEntry) => string | null): Record<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const value = key(entry);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => compare(a, b)));
}

/** Utterances per label, keys sorted; unlabelled entries are not counted. */
export function classCounts(manifest: Pick<Manifest, 'entries'>): Record<string, number> {
  return countBy(manifest.entries, (e) => e.label);
}

/** Utterances per speaker, keys sorted; entries without a speaker are not counted. */
export function speakerCounts(manifest: Pick<Manifest, 'entries'>): Record<string, number> {
  return countBy(manifest.entries, (e) => e.speaker);
}
