import { sortedUnique } from './items';
import { deriveSeed, seededRandom, shuffled } from './seeded-random';

/**
 * Per-class loss weights. 'balanced' is sklearn's n_samples / (n_classes * count_c), so every class contributes
 * the same total weight; a class with no training items gets 0 (it never occurs, so it is never weighed).
 * 'none' gives 1 to every class.
 */
export function classWeights(labels: readonly string[], classes: readonly string[], mode: 'balanced' | 'none'): Record<string, number> {
  const counts = new Map(classes.map((name) => [name, 0]));
  for (const label of labels) {
    const count = counts.get(label);
    if (count === undefined) throw new Error(`classWeights: label "${label}" is not one of the classes`);
    counts.set(label, count + 1);
  }
  const weights: Record<string, number> = {};
  for (const name of classes) {
    const count = counts.get(name)!;
    weights[name] = mode === 'none' ? 1 : count === 0 ? 0 : labels.length / (classes.length * count);
  }
  return weights;
}

export interface BalancedSampler<T> {
  /** Items per epoch: (number of classes) x (size of the largest class). */
  epochSize: number;
  /** A shuffled epoch in which every class appears equally often; the same (seed, index) gives the same list. */
  epoch(index: number): T[];
}

/**
 * Oversampling to equal class counts per epoch: each class contributes every one of its items once, then
 * random extra draws (without replacement while possible) until it matches the largest class.
 */
export function balancedSampler<T extends { label: string }>(items: readonly T[], seed: number): BalancedSampler<T> {
  if (items.length === 0) throw new Error('balancedSampler: no items');
  const byClass = sortedUnique(items.map((item) => item.label)).map((label) => items.filter((i) => i.label === label));
  const largest = Math.max(...byClass.map((members) => members.length));
  return {
    epochSize: largest * byClass.length,
    epoch(index: number): T[] {
      const random = seededRandom(deriveSeed(seed, index));
      const epoch: T[] = [];
      for (const members of byClass) {
        epoch.push(...members);
        let remaining = largest - members.length;
        while (remaining > 0) {
          const extra = shuffled(members, random).slice(0, remaining);
          epoch.push(...extra);
          remaining -= extra.length;
        }
      }
      return shuffled(epoch, random);
    },
  };
}
