/** One labelled utterance as the evaluation protocols see it; nothing here knows about features or models. */
export interface EvaluationItem {
  utteranceId: string;
  label: string;
  speaker: string;
  session: string;
  /** The dataset version the item comes from; only cross-corpus runs, which mix corpora, need it. */
  dataset?: string;
}

/** The items whose ids are listed, in the order of `ids` (fold lists hold ids; trainers need the items back). */
export function selectItems<T extends { utteranceId: string }>(items: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.utteranceId, item]));
  return ids.map((id) => {
    const item = byId.get(id);
    if (!item) throw new Error(`selectItems: unknown utteranceId "${id}"`);
    return item;
  });
}

/** Duplicate ids would let one utterance sit in train and test at once, so they are refused up front. */
export function assertUniqueIds(items: readonly { utteranceId: string }[]): void {
  const seen = new Set<string>();
  for (const { utteranceId } of items) {
    if (seen.has(utteranceId)) throw new Error(`duplicate utteranceId "${utteranceId}"`);
    seen.add(utteranceId);
  }
}

/** Code-unit order, not locale order, so the same ids sort the same on every machine. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
