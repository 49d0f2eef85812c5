export interface Utterance {
  utteranceId: string;
  /** Audio file, relative to the dataset version's source. */
  path: string;
  durationS: number;
  /** Platform class after the label map; null for unlabelled corpora. */
  label: string | null;
  speaker: string | null;
  session: string | null;
  gender: string | null;
  /** Hash of the audio bytes: finds duplicates and keys cached features. */
  contentHash: string;
  /** Artifact key of the feature shard holding this utterance. */
  featuresKey: string | null;
  split: string | null;
}

export type NewUtterance = Pick<Utterance, 'utteranceId' | 'path' | 'durationS' | 'contentHash'> &
  Partial<Omit<Utterance, 'utteranceId' | 'path' | 'durationS' | 'contentHash'>>;

export interface UtteranceRow {
  dataset_version_id: string;
  utterance_id: string;
  path: string;
  duration_s: number;
  label: string | null;
  speaker: string | null;
  session: string | null;
  gender: string | null;
  content_hash: string;
  features_key: string | null;
  split: string | null;
}

/** Insert column order; the first two form the primary key. */
export const UTTERANCE_COLUMNS = [
  'dataset_version_id',
  'utterance_id',
  'path',
  'duration_s',
  'label',
  'speaker',
  'session',
  'gender',
  'content_hash',
  'features_key',
  'split',
] as const;

export function utteranceParams(datasetVersionId: string, u: NewUtterance): unknown[] {
  return [
    datasetVersionId,
    u.utteranceId,
    u.path,
    u.durationS,
    u.label ?? null,
    u.speaker ?? null,
    u.session ?? null,
    u.gender ?? null,
    u.contentHash,
    u.featuresKey ?? null,
    u.split ?? null,
  ];
}

export const utteranceFromRow = (r: UtteranceRow): Utterance => ({
  utteranceId: r.utterance_id,
  path: r.path,
  durationS: r.duration_s,
  label: r.label,
  speaker: r.speaker,
  session: r.session,
  gender: r.gender,
  contentHash: r.content_hash,
  featuresKey: r.features_key,
  split: r.split,
});
