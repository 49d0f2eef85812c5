import { normaliseEmotionName } from '../emotion-labels';
import { SKIP_REASONS, type SkipReason } from '../manifest';
import { AUDIO_EXTENSIONS, stemOf } from '../paths';
import type { CorpusImporter } from './candidate';
import { walkAndParse, type ParsedFile } from './walk-and-parse';

/**
 * URDU emotional speech corpus (Latif et al. 2018, github.com/siddiquelatif/URDU-Dataset):
 *   Angry/SM1_F10_A010.wav, Happy/..., Neutral/..., Sad/...
 * The folder names the emotion (the dataset's documented label). The file name
 * `S<G><id>_F<n>_<E><k>` names the speaker: G = M/F gives the gender, `S<G><id>` (e.g. SM4) is
 * the speaker id used for speaker-independent folds.
 */
const FOLDERS = new Set(['angry', 'happy', 'neutral', 'sad']);
const NAME = /^S([MF])(\d+)_F\d+_[AHNS]\d+$/i;

export function parseUrduPath(path: string): ParsedFile | SkipReason {
  const parts = path.split('/');
  const folder = parts[0]!;
  if (parts.length !== 2 || !FOLDERS.has(folder.toLowerCase())) return SKIP_REASONS.unexpectedLocation;
  const stem = stemOf(path);
  const match = NAME.exec(stem);
  if (!match) return SKIP_REASONS.unrecognisedName;
  const genderLetter = match[1]!.toUpperCase();
  return {
    utteranceId: stem,
    rawLabel: folder,
    label: normaliseEmotionName(folder),
    speaker: `S${genderLetter}${match[2]!}`,
    session: null,
    gender: genderLetter === 'F' ? 'female' : 'male',
  };
}

export const importUrdu: CorpusImporter = ({ root }) => walkAndParse(root, AUDIO_EXTENSIONS, parseUrduPath);
