// Feature normalisation per corpus or per speaker (Schuller et al. 2010, "Cross-Corpus Acoustic Emotion Recognition:
// Variances and Strategies"): each group of rows is z-scored with its own mean and std, so a corpus (or a voice) whose
// features sit elsewhere in the space lands where the training groups were. It needs no labels.
import type { ClassicalModelJson } from './classifier';
import type { FeatureRows } from './matrix';
import { Standardizer, type StandardizerState } from './standardizer';

/** Each row z-scored with the statistics of the rows of its group (`groups[i]` names row i's group); order kept. */
export function standardizeByGroup(X: FeatureRows, groups: readonly string[]): number[][] {
  if (groups.length !== X.length) throw new Error(`standardizeByGroup: ${groups.length} group names for ${X.length} rows`);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const indexes = members.get(g);
    if (indexes) indexes.push(i);
    else members.set(g, [i]);
  });
  const out = new Array<number[]>(X.length);
  for (const indexes of members.values()) {
    const rows = indexes.map((i) => X[i]!);
    Standardizer.fit(rows)
      .transform(rows)
      .forEach((row, k) => (out[indexes[k]!] = row));
  }
  return out;
}

/**
 * The classifier as one that reads raw rows: `stats` z-scoring is folded into it, so `model(raw)` equals what the
 * given model says on `(raw - mean) / std`. Exact for both kinds: the SVM's own standardiser composes with it (one
 * affine map per feature), and a tree's `z < t` is `raw < mean + std * t` (std > 0). Serving and export read the
 * result as any other classical model.
 */
export function foldStandardization(model: ClassicalModelJson, stats: StandardizerState): ClassicalModelJson {
  const { mean, std } = stats;
  if (model.kind === 'svm') {
    const inner = model.standardizer;
    if (inner.mean.length !== mean.length) throw new Error(`foldStandardization: the SVM reads ${inner.mean.length} features, statistics have ${mean.length}`);
    return {
      ...model,
      standardizer: { mean: inner.mean.map((mu, j) => mean[j]! + std[j]! * mu), std: inner.std.map((sigma, j) => std[j]! * sigma) },
    };
  }
  const trees = model.forest.trees.map((tree) => ({
    ...tree,
    threshold: tree.threshold.map((t, node) => {
      const f = tree.feature[node]!;
      return f >= 0 ? mean[f]! + std[f]! * t : t;
    }),
  }));
  return { ...model, forest: { trees } };
}
