import { createRequire } from 'node:module';
import { checkLabels, toRows, type FeatureRows } from './matrix';

export interface RandomForestOptions {
  /** Number of trees (default 100, sklearn's default). */
  nEstimators?: number;
  /**
   * Features per tree: 'sqrt' (default) = round(sqrt(n_features)), an integer count, or a fraction in (0, 1).
   * ml-random-forest draws the feature subset once per TREE (random subspace), not at every split as sklearn
   * does, so the same number means a different thing there.
   */
  maxFeatures?: 'sqrt' | number;
  /** Seeds the bootstrap and the feature subsets; the same seed gives the same forest. */
  seed?: number;
}

interface MlForest {
  train(X: number[][], y: number[]): void;
  predict(X: number[][]): number[];
  toJSON(): unknown;
}
interface MlForestConstructor {
  new (options: Record<string, unknown>): MlForest;
  load(model: unknown): MlForest;
}

// CommonJS package without usable types for strict TS; only the members above are used.
const require = createRequire(import.meta.url);
const { RandomForestClassifier } = require('ml-random-forest') as { RandomForestClassifier: MlForestConstructor };

export interface RandomForestModelJson {
  kind: 'random-forest';
  options: RandomForestOptions;
  labels: number[];
  forest: unknown;
}

export interface TrainedRandomForest {
  predict(X: FeatureRows): number[];
  readonly labels: number[];
  toJSON(): RandomForestModelJson;
}

const DEFAULT_TREES = 100; // sklearn's RandomForestClassifier default
const DEFAULT_SEED = 42; // ml-random-forest's own default

/** Bagged CART trees with majority vote. No standardisation: tree splits do not depend on feature scale. */
export function trainRandomForest(X: FeatureRows, y: readonly number[], options: RandomForestOptions = {}): TrainedRandomForest {
  const rows = toRows(X);
  checkLabels(y, rows.length);
  const nFeatures = rows[0]!.length;
  const labels = [...new Set(y)].sort((a, b) => a - b);
  const indexOf = new Map(labels.map((label, i) => [label, i]));
  const forest = new RandomForestClassifier({
    nEstimators: options.nEstimators ?? DEFAULT_TREES,
    maxFeatures: libraryMaxFeatures(featureCount(options.maxFeatures ?? 'sqrt', nFeatures), nFeatures),
    seed: options.seed ?? DEFAULT_SEED,
    replacement: false, // a feature twice in one tree's subset adds nothing
    useSampleBagging: true,
    noOOB: true, // out-of-bag votes crash on tiny sets (empty OOB rows) and cost time; unused here
  });
  // The trees vote over class indices 0..k-1; arbitrary integer labels are mapped there and back.
  forest.train(rows, y.map((label) => indexOf.get(label)!));
  return wrap(forest, { ...options }, labels);
}

export function loadRandomForest(json: RandomForestModelJson): TrainedRandomForest {
  return wrap(RandomForestClassifier.load(json.forest), json.options, json.labels);
}

function wrap(forest: MlForest, options: RandomForestOptions, labels: number[]): TrainedRandomForest {
  return {
    labels,
    predict: (X) => forest.predict(toRows(X)).map((index) => labels[index]!),
    toJSON: () => ({ kind: 'random-forest', options, labels, forest: forest.toJSON() }),
  };
}

function featureCount(maxFeatures: 'sqrt' | number, nFeatures: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.round(Math.sqrt(nFeatures)));
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1 && maxFeatures <= nFeatures) return maxFeatures;
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * nFeatures));
  throw new Error(`random forest: maxFeatures must be 'sqrt', an integer in [1, ${nFeatures}] or a fraction in (0, 1)`);
}

/**
 * ml-random-forest reads any value in (0, 1] as a FRACTION, so the integer 1 would mean "all features".
 * A count n < d is passed as (n + 0.5) / d, which it floors back to exactly n.
 */
function libraryMaxFeatures(count: number, nFeatures: number): number {
  return count === nFeatures ? 1 : (count + 0.5) / nFeatures;
}
