import { sortedUnique } from './items';
import { seededRandom, shuffled } from './seeded-random';

/**
 * Splits items into (kept, heldOut) with about `fraction` of EACH label held out, so a rare emotion keeps its
 * share in both parts. Per label: round(count * fraction) items, but at least one on each side when the
 * label has two or more items (a class with one item stays on the kept side).
 * Items are ordered by id before shuffling, so the result depends on the seed and the set, not the input order.
 */
export function stratifiedSplit<T extends { utteranceId: string; label: string }>(
  items: readonly T[],
  fraction: number,
  seed: number,
): { kept: T[]; heldOut: T[] } {
  if (!(fraction > 0 && fraction < 1)) throw new Error(`fraction must be in (0, 1), got ${fraction}`);
  const random = seededRandom(seed);
  const heldOutIds = new Set<string>();
  for (const label of sortedUnique(items.map((item) => item.label))) {
    const ids = sortedUnique(items.filter((item) => item.label === label).map((item) => item.utteranceId));
    const count = ids.length;
    const nHeldOut = count < 2 ? 0 : Math.min(count - 1, Math.max(1, Math.round(count * fraction)));
    for (const id of shuffled(ids, random).slice(0, nHeldOut)) heldOutIds.add(id);
  }
  return {
    kept: items.filter((item) => !heldOutIds.has(item.utteranceId)),
    heldOut: items.filter((item) => heldOutIds.has(item.utteranceId)),
  };
}
