import { sortedUnique, type EvaluationItem } from './items';
import { seededRandom, shuffled } from './seeded-random';
import { stratifiedSplit } from './stratified-split';

export interface CarveValidationOptions {
  /** Share of the training items to move to validation (default 0.1). */
  fraction?: number;
  seed: number;
  /**
   * Whole speakers go to validation, so early stopping / model selection never sees a test-like speaker in
   * training. Use it whenever the fold's protocol is speaker-independent (see `isSpeakerIndependent`).
   */
  bySpeaker: boolean;
}

const DEFAULT_VALIDATION_FRACTION = 0.1;

/**
 * Carves a validation set out of a fold's TRAINING items only (the test set is never touched).
 * bySpeaker: speakers are shuffled (seeded) and moved whole to validation until it holds at least
 * `fraction` of the items; at least one speaker stays in train. Otherwise: stratified by label.
 */
export function carveValidation<T extends EvaluationItem>(train: readonly T[], options: CarveValidationOptions): { train: T[]; validation: T[] } {
  const fraction = options.fraction ?? DEFAULT_VALIDATION_FRACTION;
  if (!(fraction > 0 && fraction < 1)) throw new Error(`carveValidation: fraction must be in (0, 1), got ${fraction}`);
  if (!options.bySpeaker) {
    const { kept, heldOut } = stratifiedSplit(train, fraction, options.seed);
    return { train: kept, validation: heldOut };
  }
  const speakers = sortedUnique(train.map((item) => item.speaker));
  if (speakers.length < 2) {
    throw new Error(`carveValidation: a speaker-disjoint validation set needs 2+ training speakers, found ${speakers.length}`);
  }
  const countOf = new Map<string, number>();
  for (const item of train) countOf.set(item.speaker, (countOf.get(item.speaker) ?? 0) + 1);
  const target = fraction * train.length;
  const validationSpeakers = new Set<string>();
  let count = 0;
  for (const speaker of shuffled(speakers, seededRandom(options.seed))) {
    if (count >= target || validationSpeakers.size === speakers.length - 1) break;
    validationSpeakers.add(speaker);
    count += countOf.get(speaker) ?? 0;
  }
  return {
    train: train.filter((item) => !validationSpeakers.has(item.speaker)),
    validation: train.filter((item) => validationSpeakers.has(item.speaker)),
  };
}
