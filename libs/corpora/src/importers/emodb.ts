import { SKIP_REASONS, type Gender } from '../manifest';
import { AUDIO_EXTENSIONS, stemOf } from '../paths';
import type { CorpusImporter } from './candidate';
import { walkAndParse, type ParsedFile } from './walk-and-parse';

/**
 * Berlin EmoDB (Burkhardt et al. 2005, emodb.bilderbar.info): `wav/03a01Fa.wav` =
 * speaker 03, text a01, emotion letter F (German initial), version a.
 * Letters: W Ärger (anger), L Langeweile (boredom), E Ekel (disgust), A Angst (fear),
 * F Freude (happiness), T Trauer (sadness), N neutral.
 */
const EMOTIONS: Record<string, string> = {
  W: 'angry',
  L: 'bored',
  E: 'disgust',
  A: 'fearful',
  F: 'happy',
  T: 'sad',
  N: 'neutral',
};

/** Speaker genders from the EmoDB documentation (five female, five male actors). */
export const EMODB_SPEAKER_GENDERS: Readonly<Record<string, Gender>> = {
  '03': 'male',
  '08': 'female',
  '09': 'female',
  '10': 'male',
  '11': 'male',
  '12': 'male',
  '13': 'female',
  '14': 'female',
  '15': 'male',
  '16': 'female',
};

const NAME = /^(\d{2})([a-z]\d{2})([WLEAFTN])([a-z])$/;

export function parseEmodbPath(path: string): ParsedFile | typeof SKIP_REASONS.unrecognisedName {
  const stem = stemOf(path);
  const match = NAME.exec(stem);
  if (!match) return SKIP_REASONS.unrecognisedName;
  const speaker = match[1]!;
  const letter = match[3]!;
  return {
    utteranceId: stem,
    rawLabel: letter,
    label: EMOTIONS[letter] ?? null,
    speaker,
    session: null,
    gender: EMODB_SPEAKER_GENDERS[speaker] ?? null,
  };
}

export const importEmodb: CorpusImporter = ({ root }) => walkAndParse(root, AUDIO_EXTENSIONS, parseEmodbPath);
