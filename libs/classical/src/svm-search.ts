// Choosing an RBF SVM's C and gamma by inner cross-validation over the training data's groups (speakers), so the
// held-out test speakers are never looked at: the fair way to tune the log-mel statistics baseline (issue 13).
import type { FeatureRows } from './matrix';
import { fitPredictPrecomputed, kernelRows, pairwiseProducts, type KernelSpec } from './precomputed-svm';
import { Standardizer } from './standardizer';
import type { SvmOptions } from './svm';

export interface SvmSearchGrid {
  C: readonly number[];
  /** gamma = gammaScale / features: multiples of libsvm's default width, so one grid fits any feature size. */
  gammaScale: readonly number[];
  /** Inner folds of whole groups (at most one per group). */
  folds: number;
}

export interface SvmSearchResult {
  C: number;
  gamma: number;
  /** Mean over the inner folds of the unweighted average recall, for the chosen point. */
  innerUa: number;
}

/** Unweighted average recall over the classes present in `truth`. */
function unweightedRecall(truth: readonly number[], predicted: readonly number[]): number {
  const classes = [...new Set(truth)];
  const recall = classes.map((c) => {
    const rows = truth.flatMap((t, i) => (t === c ? [i] : []));
    return rows.filter((i) => predicted[i] === c).length / rows.length;
  });
  return recall.reduce((a, b) => a + b, 0) / classes.length;
}

/** Groups dealt round-robin in sorted order into `folds` disjoint sets; every set non-empty. */
export function groupFolds(groups: readonly string[], folds: number): Set<string>[] {
  const distinct = [...new Set(groups)].sort();
  const k = Math.min(folds, distinct.length);
  if (k < 2) throw new Error(`SVM search needs at least 2 groups (speakers) in the training data, got ${distinct.length}`);
  return Array.from({ length: k }, (_, fold) => new Set(distinct.filter((_, i) => i % k === fold)));
}

/**
 * The grid point with the best mean inner UA (ties: the first in grid order, smaller C first). A fold whose training
 * part holds a single class is skipped; with none left the search fails rather than guess.
 */
export function searchSvm(
  X: FeatureRows,
  y: readonly number[],
  groups: readonly string[],
  grid: SvmSearchGrid,
  base: Omit<SvmOptions, 'C' | 'gamma'> = { kernel: 'rbf' },
): SvmSearchResult {
  if (groups.length !== X.length || y.length !== X.length)
    throw new Error(`SVM search: ${X.length} rows, ${y.length} labels and ${groups.length} groups must match`);
  if (grid.C.length === 0 || grid.gammaScale.length === 0) throw new Error('SVM search: the grid needs at least one C and one gammaScale');
  const features = X[0]?.length ?? 0;
  const splits = groupFolds(groups, grid.folds).map((held) => {
    const test = groups.flatMap((g, i) => (held.has(g) ? [i] : []));
    const train = groups.flatMap((g, i) => (held.has(g) ? [] : [i]));
    return { train, test };
  });
  const usable = splits.filter((s) => new Set(s.train.map((i) => y[i])).size >= 2 && s.test.length > 0);
  if (usable.length === 0) throw new Error('SVM search: no inner fold has two classes to train on');
  // Per inner fold: z-score with that fold's training rows (as trainSvm would), then the pairwise products once for
  // the whole grid (see precomputed-svm.ts for why).
  const sums = grid.C.map(() => grid.gammaScale.map(() => 0));
  for (const { train, test } of usable) {
    const standardizer = Standardizer.fit(train.map((i) => X[i]!));
    const trainRows = standardizer.transform(train.map((i) => X[i]!));
    const testRows = standardizer.transform(test.map((i) => X[i]!));
    const trainProducts = pairwiseProducts(trainRows, trainRows);
    const testProducts = pairwiseProducts(testRows, trainRows);
    const trainLabels = train.map((i) => y[i]!);
    const testLabels = test.map((i) => y[i]!);
    grid.gammaScale.forEach((scale, g) => {
      const spec: KernelSpec = base.kernel === 'linear' ? { kernel: 'linear' } : { kernel: 'rbf', gamma: scale / features };
      const trainKernel = kernelRows(trainProducts, spec);
      const testKernel = kernelRows(testProducts, spec);
      grid.C.forEach((C, c) => {
        const predicted = fitPredictPrecomputed(trainKernel, trainLabels, testKernel, { C, classWeights: base.classWeights });
        sums[c]![g]! += unweightedRecall(testLabels, predicted);
      });
    });
  }
  let best: SvmSearchResult | null = null;
  for (const [c, C] of grid.C.entries()) {
    for (const [g, scale] of grid.gammaScale.entries()) {
      const innerUa = sums[c]![g]! / usable.length;
      if (!best || innerUa > best.innerUa) best = { C, gamma: scale / features, innerUa };
    }
  }
  return best!;
}
