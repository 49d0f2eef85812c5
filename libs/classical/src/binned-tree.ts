// One CART classification tree grown on quantile-binned features (the histogram trick of LightGBM and sklearn's
// HistGradientBoosting): a node scores a feature's every split in O(rows + bins) instead of sorting its rows,
// and a random subset of features is drawn at EVERY split (sklearn's max_features). Thresholds are kept as raw
// feature values, so prediction needs no bins.

/** Features quantised once per forest: bin codes per feature (column-major) and the raw value at each bin edge. */
export interface BinnedFeatures {
  rows: number;
  features: number;
  /** codes[f * rows + i]: bin of row i on feature f. */
  codes: Uint8Array;
  /** edges[f][b]: a row goes left of bin edge b when its raw value is < edges[f][b]. */
  edges: Float64Array[];
}

const MAX_BINS = 255; // fits a Uint8Array; sklearn's HistGradientBoosting uses 255 too

/** Quantile bin edges per feature (midpoints between distinct sorted values), then every row's bin code. */
export function binFeatures(X: readonly (readonly number[])[]): BinnedFeatures {
  const rows = X.length;
  const features = X[0]!.length;
  const codes = new Uint8Array(rows * features);
  const edges: Float64Array[] = [];
  const column = new Float64Array(rows);
  for (let f = 0; f < features; f++) {
    for (let i = 0; i < rows; i++) column[i] = X[i]![f]!;
    const sorted = Float64Array.from(column).sort();
    const cuts: number[] = [];
    for (let b = 1; b < MAX_BINS; b++) {
      const k = Math.floor((b * rows) / MAX_BINS);
      if (k <= 0 || k >= rows) continue;
      const mid = (sorted[k - 1]! + sorted[k]!) / 2;
      if (sorted[k - 1]! < sorted[k]! && (cuts.length === 0 || mid > cuts[cuts.length - 1]!)) cuts.push(mid);
    }
    const fEdges = Float64Array.from(cuts);
    edges.push(fEdges);
    for (let i = 0; i < rows; i++) codes[f * rows + i] = binOf(fEdges, column[i]!);
  }
  return { rows, features, codes, edges };
}

/** Number of edges <= value: the bin of `value` (binary search). */
function binOf(edges: Float64Array, value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A grown tree as flat arrays (node 0 is the root); JSON-able. Leaves have feature -1 and a class distribution. */
export interface TreeJson {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Per node: class probabilities at a leaf, [] at an inner node. */
  leaf: number[][];
}

export interface GrowOptions {
  numClasses: number;
  maxFeatures: number;
  maxDepth: number;
  minSamplesLeaf: number;
  random: () => number;
}

/**
 * Grows one tree on the rows listed in `sample` (a bootstrap may list a row more than once) with per-row weights
 * (class weights); nodes split on the weighted Gini impurity.
 */
export function growTree(data: BinnedFeatures, labels: Int32Array, weights: Float64Array, sample: Int32Array, options: GrowOptions): TreeJson {
  const tree: TreeJson = { feature: [], threshold: [], left: [], right: [], leaf: [] };
  const k = options.numClasses;
  const featureOrder = Int32Array.from({ length: data.features }, (_, i) => i);
  const histogram = new Float64Array(MAX_BINS * k);
  const stack: Array<{ node: number; rows: Int32Array; depth: number }> = [{ node: newNode(tree), rows: sample, depth: 0 }];

  while (stack.length > 0) {
    const { node, rows, depth } = stack.pop()!;
    const totals = new Float64Array(k);
    for (const r of rows) totals[labels[r]!]! += weights[r]!;
    const split = depth < options.maxDepth && rows.length >= 2 * options.minSamplesLeaf ? bestSplit() : null;
    if (!split) {
      const sum = totals.reduce((a, b) => a + b, 0);
      tree.leaf[node] = Array.from(totals, (v) => (sum > 0 ? v / sum : 1 / k));
      continue;
    }
    const goesLeft = (r: number) => data.codes[split.feature * data.rows + r]! <= split.bin;
    const leftRows = rows.filter(goesLeft);
    const rightRows = rows.filter((r) => !goesLeft(r));
    tree.feature[node] = split.feature;
    tree.threshold[node] = data.edges[split.feature]![split.bin]!;
    tree.left[node] = newNode(tree);
    tree.right[node] = newNode(tree);
    stack.push({ node: tree.left[node]!, rows: leftRows, depth: depth + 1 }, { node: tree.right[node]!, rows: rightRows, depth: depth + 1 });

    function bestSplit(): { feature: number; bin: number } | null {
      const parentImpurity = giniTimesWeight(totals, 0);
      if (parentImpurity <= 1e-12) return null; // pure node
      let best: { feature: number; bin: number; score: number } | null = null;
      // Partial Fisher-Yates: the first maxFeatures entries of featureOrder become this node's random subset.
      for (let j = 0; j < options.maxFeatures; j++) {
        const pick = j + Math.floor(options.random() * (data.features - j));
        [featureOrder[j], featureOrder[pick]] = [featureOrder[pick]!, featureOrder[j]!];
        const f = featureOrder[j]!;
        const nBins = data.edges[f]!.length + 1;
        histogram.fill(0, 0, nBins * k);
        const counts = new Int32Array(nBins);
        const offset = f * data.rows;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          const b = data.codes[offset + r]!;
          histogram[b * k + labels[r]!]! += weights[r]!;
          counts[b]!++;
        }
        const left = new Float64Array(k);
        let leftCount = 0;
        for (let b = 0; b < nBins - 1; b++) {
          for (let c = 0; c < k; c++) left[c]! += histogram[b * k + c]!;
          leftCount += counts[b]!;
          if (counts[b] === 0) continue; // same partition as the previous edge
          if (leftCount < options.minSamplesLeaf || rows.length - leftCount < options.minSamplesLeaf) continue;
          const score = giniTimesWeight(left, 0) + giniTimesWeight(totals, left);
          if (score < parentImpurity - 1e-12 && (!best || score < best.score)) best = { feature: f, bin: b, score };
        }
      }
      return best && { feature: best.feature, bin: best.bin };
    }
  }
  return tree;
}

function newNode(tree: TreeJson): number {
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.leaf.push([]);
  return tree.feature.length - 1;
}

/** Weighted Gini impurity times the node's weight, of `counts` (minus `minus` when given: the right side). */
function giniTimesWeight(counts: Float64Array, minus: Float64Array | 0): number {
  let total = 0;
  let squares = 0;
  for (let c = 0; c < counts.length; c++) {
    const v = counts[c]! - (minus === 0 ? 0 : minus[c]!);
    total += v;
    squares += v * v;
  }
  return total > 0 ? total - squares / total : 0;
}

/** The class distribution of the leaf a row of raw features reaches. */
export function treeDistribution(tree: TreeJson, row: ArrayLike<number>): number[] {
  let node = 0;
  while (tree.feature[node]! >= 0) node = row[tree.feature[node]!]! < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  return tree.leaf[node]!;
}
