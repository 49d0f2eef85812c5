// Random forest of binned CART trees (binned-tree.ts). It replaced ml-random-forest, whose trees (ml-cart) rescan
// every row for every candidate threshold: 6.2 s per tree on 1,500 x 768 hypercolumn vectors, 10 minutes for
// 100 trees, and its feature subset is drawn once per tree, not per split.
import { binFeatures, growTree, treeDistribution, type TreeJson } from './binned-tree';
import { checkLabels, toRows, type FeatureRows } from './matrix';
import { mulberry32 } from './random';

export interface RandomForestOptions {
  /** Number of trees (default 100, sklearn's default). */
  nEstimators?: number;
  /**
   * Features tried at each split: 'sqrt' (default, sklearn's) = round(sqrt(n_features)), an integer count, or a
   * fraction in (0, 1).
   */
  maxFeatures?: 'sqrt' | number;
  /** Deepest split level (default unlimited, sklearn's; leaves stop at purity or minSamplesLeaf). */
  maxDepth?: number;
  /** Fewest rows a leaf may hold (default 1, sklearn's). */
  minSamplesLeaf?: number;
  /** Per-label weights in the split impurity and the leaf votes, e.g. from @ser/evaluation classWeights. */
  classWeights?: Record<number, number>;
  /** Seeds the bootstrap and the feature subsets; the same seed gives the same forest. */
  seed?: number;
}

export interface RandomForestModelJson {
  kind: 'random-forest';
  options: RandomForestOptions;
  labels: number[];
  forest: { trees: TreeJson[] };
}

export interface TrainedRandomForest {
  predict(X: FeatureRows): number[];
  /** Mean of the trees' leaf distributions; columns in `labels` order. */
  predictProbability(X: FeatureRows): number[][];
  readonly labels: number[];
  toJSON(): RandomForestModelJson;
}

const DEFAULT_TREES = 100; // sklearn's RandomForestClassifier default
const DEFAULT_SEED = 42;

/** Bootstrap-bagged trees, soft vote. No standardisation: tree splits do not depend on feature scale. */
export function trainRandomForest(X: FeatureRows, y: readonly number[], options: RandomForestOptions = {}): TrainedRandomForest {
  const rows = toRows(X);
  checkLabels(y, rows.length);
  const nFeatures = rows[0]!.length;
  const nTrees = options.nEstimators ?? DEFAULT_TREES;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const minSamplesLeaf = options.minSamplesLeaf ?? 1;
  if (!(Number.isInteger(nTrees) && nTrees >= 1)) throw new Error(`random forest: nEstimators must be an integer >= 1, got ${nTrees}`);
  if (!(maxDepth >= 1)) throw new Error(`random forest: maxDepth must be >= 1, got ${maxDepth}`);
  if (!(Number.isInteger(minSamplesLeaf) && minSamplesLeaf >= 1))
    throw new Error(`random forest: minSamplesLeaf must be an integer >= 1, got ${minSamplesLeaf}`);
  // The trees vote over class indices 0..k-1; arbitrary integer labels are mapped there and back.
  const labels = [...new Set(y)].sort((a, b) => a - b);
  const indexOf = new Map(labels.map((label, i) => [label, i]));
  const classIndex = Int32Array.from(y, (label) => indexOf.get(label)!);
  const weights = Float64Array.from(y, (label) => options.classWeights?.[label] ?? 1);
  const data = binFeatures(rows);
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const trees: TreeJson[] = [];
  for (let t = 0; t < nTrees; t++) {
    const sample = Int32Array.from({ length: rows.length }, () => Math.floor(random() * rows.length)); // bootstrap
    trees.push(
      growTree(data, classIndex, weights, sample, {
        numClasses: labels.length,
        maxFeatures: featureCount(options.maxFeatures ?? 'sqrt', nFeatures),
        maxDepth,
        minSamplesLeaf,
        random,
      }),
    );
  }
  return wrap(trees, { ...options }, labels);
}

export function loadRandomForest(json: RandomForestModelJson): TrainedRandomForest {
  if (!Array.isArray(json.forest?.trees)) throw new Error('random forest: model JSON has no trees (saved by an older version?)');
  return wrap(json.forest.trees, json.options, json.labels);
}

function wrap(trees: TreeJson[], options: RandomForestOptions, labels: number[]): TrainedRandomForest {
  const predictProbability = (X: FeatureRows) =>
    toRows(X).map((row) => {
      const sum = new Array<number>(labels.length).fill(0);
      for (const tree of trees) treeDistribution(tree, row).forEach((p, c) => (sum[c]! += p / trees.length));
      return sum;
    });
  return {
    labels,
    predictProbability,
    predict: (X) => predictProbability(X).map((p) => labels[p.indexOf(Math.max(...p))]!),
    toJSON: () => ({ kind: 'random-forest', options, labels, forest: { trees } }),
  };
}

export function featureCount(maxFeatures: 'sqrt' | number, nFeatures: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.round(Math.sqrt(nFeatures)));
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1 && maxFeatures <= nFeatures) return maxFeatures;
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * nFeatures));
  throw new Error(`random forest: maxFeatures must be 'sqrt', an integer in [1, ${nFeatures}] or a fraction in (0, 1)`);
}
