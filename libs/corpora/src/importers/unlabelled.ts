import { AUDIO_EXTENSIONS, withoutExtension } from '../paths';
import type { CorpusImporter } from './candidate';
import { walkAndParse, type ParsedFile } from './walk-and-parse';

/**
 * Unlabelled audio for pre-training: every audio file (.wav .flac .mp3 .ogg .m4a) below the root.
 * The first folder level names the speaker, as in VCTK with the root at `wav48/`
 * (`p225/p225_001.wav` -> speaker p225); files directly in the root have no speaker.
 * The utterance id is the path without its extension, so equal file names in different folders
 * stay distinct.
 */
export function parseUnlabelledPath(path: string): ParsedFile {
  const slash = path.indexOf('/');
  return {
    utteranceId: withoutExtension(path),
    rawLabel: null,
    label: null,
    speaker: slash > 0 ? path.slice(0, slash) : null,
    session: null,
    gender: null,
  };
}

export const importUnlabelled: CorpusImporter = ({ root }) => walkAndParse(root, AUDIO_EXTENSIONS, parseUnlabelledPath);
