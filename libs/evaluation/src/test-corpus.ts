import type { EvaluationItem } from './items';

/**
 * A small synthetic corpus for the specs: `nSpeakers` speakers, two per session (as in IEMOCAP), each with
 * `perSpeaker` utterances cycling through `labels`.
 */
export function syntheticCorpus(nSpeakers = 10, perSpeaker = 8, labels = ['angry', 'happy', 'neutral', 'sad']): EvaluationItem[] {
  const items: EvaluationItem[] = [];
  for (let s = 0; s < nSpeakers; s++) {
    const speaker = `spk${String(s + 1).padStart(2, '0')}`;
    const session = `Ses${String(Math.floor(s / 2) + 1).padStart(2, '0')}`;
    for (let u = 0; u < perSpeaker; u++) {
      items.push({ utteranceId: `${speaker}_u${u}`, label: labels[(u + s) % labels.length]!, speaker, session });
    }
  }
  return items;
}
