import { normaliseEmotionName } from '../emotion-labels';
import { SKIP_REASONS } from '../manifest';
import { AUDIO_EXTENSIONS, stemOf } from '../paths';
import type { CorpusImporter } from './candidate';
import { walkAndParse, type ParsedFile } from './walk-and-parse';

/**
 * Toronto Emotional Speech Set (Dupuis & Pichora-Fuller 2010, doi:10.5683/SP2/E8H2MF):
 *   OAF_angry/OAF_back_angry.wav, YAF_pleasant_surprised/YAF_back_ps.wav, ...
 * Two actresses: OAF (older, 64) and YAF (younger, 26), both female. The emotion is the last
 * `_` field of the file name: angry, disgust, fear, happy, neutral, ps (pleasant surprise), sad.
 */
const NAME = /^(OAF|YAF)_(.+)_([A-Za-z]+)$/i;

export function parseTessPath(path: string): ParsedFile | typeof SKIP_REASONS.unrecognisedName {
  const stem = stemOf(path);
  const match = NAME.exec(stem);
  if (!match) return SKIP_REASONS.unrecognisedName;
  const rawLabel = match[3]!;
  return {
    utteranceId: stem,
    rawLabel,
    label: normaliseEmotionName(rawLabel),
    speaker: match[1]!.toUpperCase(),
    session: null,
    gender: 'female',
  };
}

export const importTess: CorpusImporter = ({ root }) => walkAndParse(root, AUDIO_EXTENSIONS, parseTessPath);
