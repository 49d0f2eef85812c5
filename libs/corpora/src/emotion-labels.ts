/** Labels the platform uses across corpora, so models trained on one corpus read another's classes. */
export const PLATFORM_LABELS = ['angry', 'happy', 'sad', 'neutral', 'calm', 'fearful', 'disgust', 'surprised', 'bored'] as const;
export type PlatformLabel = (typeof PLATFORM_LABELS)[number];

// Spellings met in corpus docs and user manifests; keys are lower-case with spaces/dashes as '_'.
const SYNONYMS: Record<string, PlatformLabel> = {
  ang: 'angry',
  anger: 'angry',
  angry: 'angry',
  hap: 'happy',
  happy: 'happy',
  happiness: 'happy',
  joy: 'happy',
  sad: 'sad',
  sadness: 'sad',
  neu: 'neutral',
  neutral: 'neutral',
  calm: 'calm',
  fea: 'fearful',
  fear: 'fearful',
  fearful: 'fearful',
  dis: 'disgust',
  disgust: 'disgust',
  disgusted: 'disgust',
  sur: 'surprised',
  surprise: 'surprised',
  surprised: 'surprised',
  ps: 'surprised',
  pleasant_surprise: 'surprised',
  pleasant_surprised: 'surprised',
  bored: 'bored',
  boredom: 'bored',
};

/** Maps a written emotion name (any case, `Pleasant surprise`, `ANG`, ...) to a platform label, or null. */
export function normaliseEmotionName(name: string): PlatformLabel | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return SYNONYMS[key] ?? null;
}

export type LabelDecision = { label: string | null } | { dropped: 'label not in protocol' | 'label not in label map' };

/**
 * Final label of a labelled file. A non-empty label map is looked up by the raw label first (so
 * a user can pick another protocol, e.g. keep IEMOCAP's `fru`), then by the normalised label;
 * a label found under neither key is dropped. Without a map, labels outside the corpus
 * protocol (label null) are dropped. Unlabelled files (raw null) pass untouched.
 */
export function decideLabel(rawLabel: string | null, label: string | null, labelMap: Readonly<Record<string, string>> | undefined): LabelDecision {
  if (rawLabel === null) return { label: null };
  if (labelMap && Object.keys(labelMap).length > 0) {
    const mapped = own(labelMap, rawLabel) ?? (label === null ? undefined : own(labelMap, label));
    return mapped === undefined ? { dropped: 'label not in label map' } : { label: mapped };
  }
  return label === null ? { dropped: 'label not in protocol' } : { label };
}

// Plain `map[key]` would find `constructor` and friends on Object.prototype.
function own(map: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
