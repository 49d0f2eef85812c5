import { SKIP_REASONS } from '../manifest';
import { AUDIO_EXTENSIONS, stemOf } from '../paths';
import type { CorpusImporter } from './candidate';
import { walkAndParse, type ParsedFile } from './walk-and-parse';

/**
 * RAVDESS (Livingstone & Russo 2018, zenodo.org/record/1188976), audio-only release:
 *   Actor_01/03-01-05-01-02-01-01.wav ... Actor_24/...
 * Seven two-digit fields: modality (03 audio-only), vocal channel (01 speech, 02 song), emotion,
 * intensity (01 normal, 02 strong), statement (01/02), repetition (01/02), actor (01-24).
 * Odd-numbered actors are male, even-numbered female. Files are found at any depth, so the
 * `Audio_Speech_Actors_01-24/` wrapper folder may be the root or inside it.
 */
const EMOTIONS: Record<string, string> = {
  '01': 'neutral',
  '02': 'calm',
  '03': 'happy',
  '04': 'sad',
  '05': 'angry',
  '06': 'fearful',
  '07': 'disgust',
  '08': 'surprised',
};

const NAME = /^(0[1-3])-(0[12])-(0[1-8])-(0[12])-(0[12])-(0[12])-(\d{2})$/;

export function parseRavdessPath(path: string): ParsedFile | typeof SKIP_REASONS.unrecognisedName {
  const stem = stemOf(path);
  const match = NAME.exec(stem);
  if (!match) return SKIP_REASONS.unrecognisedName;
  const emotion = match[3]!;
  const actor = match[7]!;
  return {
    utteranceId: stem,
    rawLabel: emotion,
    label: EMOTIONS[emotion] ?? null,
    speaker: `Actor_${actor}`,
    session: null,
    gender: Number(actor) % 2 === 1 ? 'male' : 'female',
  };
}

export const importRavdess: CorpusImporter = ({ root }) => walkAndParse(root, AUDIO_EXTENSIONS, parseRavdessPath);
