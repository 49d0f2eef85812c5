import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { CorpusLayoutError, SKIP_REASONS, type SkipReason } from '../manifest';
import { AUDIO_EXTENSIONS, stemOf } from '../paths';
import { walkFiles } from '../walk-files';
import type { Candidate, CorpusImporter } from './candidate';
import type { ParsedFile } from './walk-and-parse';

/**
 * IEMOCAP (Busso et al. 2008, sail.usc.edu/iemocap), full release layout:
 *   Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav
 *   Session1/dialog/EmoEvaluation/Ses01F_impro01.txt with one line per utterance:
 *     [6.2901 - 8.2357]<TAB>Ses01F_impro01_F000<TAB>neu<TAB>[2.5000, 2.5000, 2.5000]
 * That line's label is the evaluators' majority label; `xxx` means they did not agree.
 *
 * 4-class protocol of both source papers: ang -> angry, hap + exc -> happy, sad, neu -> neutral;
 * fru, sur, fea, dis, oth are outside it. In `Ses01F_impro01_M000` the session's female actor
 * leads the dialog but the final `M` says the male actor speaks: speaker `Ses01M`, male.
 */
export const IEMOCAP_PROTOCOL: Readonly<Record<string, string>> = {
  ang: 'angry',
  hap: 'happy',
  exc: 'happy',
  sad: 'sad',
  neu: 'neutral',
};

const NO_AGREEMENT = 'xxx';
const EVALUATION_LINE = /^\[\s*[\d.]+\s*-\s*[\d.]+\s*\]\s+(Ses\S+)\s+(\S+)\s+\[/;
const UTTERANCE = /^(Ses\d{2})[FM]_\S+_([FM])\d+[a-z]?$/;
const SESSION_FOLDER = /^Session(\d+)$/;

export function parseIemocapUtterance(utteranceId: string, session: string, label: string | undefined): ParsedFile | SkipReason {
  const match = UTTERANCE.exec(utteranceId);
  if (!match) return SKIP_REASONS.unrecognisedName;
  if (label === undefined) return SKIP_REASONS.noLabelFound;
  if (label === NO_AGREEMENT) return SKIP_REASONS.noMajorityLabel;
  const genderLetter = match[2]!;
  return {
    utteranceId,
    rawLabel: label,
    label: IEMOCAP_PROTOCOL[label] ?? null,
    speaker: `${match[1]!}${genderLetter}`,
    session,
    gender: genderLetter === 'F' ? 'female' : 'male',
  };
}

/** Utterance id -> majority label of one session, from the EmoEvaluation/*.txt files (not their subfolders). */
export async function readEmoEvaluation(sessionDir: string): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const dir = join(sessionDir, 'dialog', 'EmoEvaluation');
  const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of names) {
    if (!entry.isFile() || !entry.name.endsWith('.txt') || entry.name.startsWith('.')) continue;
    const lines = createInterface({ input: createReadStream(join(dir, entry.name), { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      const match = EVALUATION_LINE.exec(line);
      if (match) labels.set(match[1]!, match[2]!);
    }
  }
  return labels;
}

async function sessionFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && SESSION_FOLDER.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => Number(SESSION_FOLDER.exec(a)![1]) - Number(SESSION_FOLDER.exec(b)![1]));
}

// One session's label table (a few thousand short strings) is held at a time.
export const importIemocap: CorpusImporter = async function* ({ root }): AsyncGenerator<Candidate> {
  const sessions = await sessionFolders(root);
  if (sessions.length === 0) throw new CorpusLayoutError(`no Session<n> folders in ${root}: is it the IEMOCAP release root?`);
  for (const session of sessions) {
    const labels = await readEmoEvaluation(join(root, session));
    for await (const item of walkFiles(root, AUDIO_EXTENSIONS, `${session}/sentences/wav`)) {
      if (item.kind === 'skip') {
        yield item;
        continue;
      }
      const utteranceId = stemOf(item.path);
      const parsed = parseIemocapUtterance(utteranceId, session, labels.get(utteranceId));
      yield typeof parsed === 'string' ? { kind: 'skip', path: item.path, reason: parsed } : { kind: 'file', path: item.path, ...parsed };
    }
  }
};
