import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvRecords } from '../csv';
import { SKIP_REASONS, type Gender } from '../manifest';
import { AUDIO_EXTENSIONS, stemOf } from '../paths';
import type { CorpusImporter } from './candidate';
import { walkAndParse, type ParsedFile } from './walk-and-parse';

/**
 * CREMA-D (Cao et al. 2014, github.com/CheyneyComputerScience/CREMA-D):
 *   AudioWAV/1001_DFA_ANG_XX.wav = actor 1001, sentence DFA, emotion ANG, level XX (LO/MD/HI/XX)
 *   VideoDemographics.csv (root) = ActorID,Age,Sex,Race,Ethnicity with Sex "Male"/"Female".
 * Without the demographics file genders stay null rather than guessed.
 */
const EMOTIONS: Record<string, string> = {
  ANG: 'angry',
  DIS: 'disgust',
  FEA: 'fearful',
  HAP: 'happy',
  NEU: 'neutral',
  SAD: 'sad',
};

const NAME = /^(\d{4})_([A-Z]{3})_([A-Z]{3})_([A-Z]{2})$/;

export const CREMA_D_DEMOGRAPHICS_FILE = 'VideoDemographics.csv';

export function parseCremaDPath(path: string, genders: ReadonlyMap<string, Gender>): ParsedFile | typeof SKIP_REASONS.unrecognisedName {
  const stem = stemOf(path);
  const match = NAME.exec(stem);
  if (!match) return SKIP_REASONS.unrecognisedName;
  const speaker = match[1]!;
  const emotion = match[3]!;
  return {
    utteranceId: stem,
    rawLabel: emotion,
    label: EMOTIONS[emotion] ?? null,
    speaker,
    session: null,
    gender: genders.get(speaker) ?? null,
  };
}

/** ActorID -> gender from VideoDemographics.csv; empty when the file is absent. */
export async function readCremaDGenders(root: string): Promise<Map<string, Gender>> {
  const genders = new Map<string, Gender>();
  const file = join(root, CREMA_D_DEMOGRAPHICS_FILE);
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    return genders;
  let actorColumn = -1;
  let sexColumn = -1;
  for await (const { fields } of readCsvRecords(file)) {
    if (actorColumn < 0) {
      const header = fields.map((f) => f.trim().toLowerCase());
      actorColumn = header.indexOf('actorid');
      sexColumn = header.indexOf('sex');
      if (actorColumn < 0 || sexColumn < 0) return genders;
      continue;
    }
    const sex = fields[sexColumn]?.trim().toLowerCase();
    const actor = fields[actorColumn]?.trim();
    if (actor && (sex === 'male' || sex === 'female')) genders.set(actor, sex);
  }
  return genders;
}

export const importCremaD: CorpusImporter = async function* ({ root }) {
  const genders = await readCremaDGenders(root);
  yield* walkAndParse(root, AUDIO_EXTENSIONS, (path) => parseCremaDPath(path, genders));
};
