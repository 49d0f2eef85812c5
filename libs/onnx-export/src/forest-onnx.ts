// @ser/classical's random forest as one ai.onnx.ml TreeEnsembleRegressor with a target per class: each leaf adds
// its class distribution / trees, so the sum is the forest's mean leaf distribution (predictProbability). The
// regressor, not the classifier op, because the latter rewrites two-class scores; a plain sum is what the forest does.
import type { RandomForestModelJson } from '@ser/classical';
import { ONNX_ML_DOMAIN, type OnnxGraph } from './graph-builder';

const float32 = new Float32Array(1);
const bits = new Int32Array(float32.buffer);

/**
 * The float32 threshold t' with x < t' exactly when x < t, for every float32 x: the forest compares float32
 * features (the pooled rows) with double midpoints; ONNX Runtime compares in float32. t itself when it is a
 * float32, else the smallest float32 above it.
 */
export function float32Threshold(t: number): number {
  float32[0] = t;
  if (float32[0] === t || !Number.isFinite(t)) return float32[0]!;
  if (float32[0]! < t) bits[0] = float32[0]! >= 0 ? bits[0]! + 1 : bits[0]! - 1; // the next float32 up (bit patterns of negatives run backwards)
  if (Object.is(float32[0], -0)) return 0;
  return float32[0]!;
}

/**
 * The forest's probabilities for pooled rows (float [batch, features]): [batch, numClasses] float, columns = class
 * indices; classes the forest never saw get 0.
 */
export function forestProbabilities(g: OnnxGraph, json: RandomForestModelJson, pooled: string, numClasses: number): string {
  const trees = json.forest.trees;
  const k = json.labels.length;
  if (json.labels.some((label) => !(Number.isInteger(label) && label >= 0 && label < numClasses)))
    throw new Error(`forest labels [${json.labels}] are not class indices below ${numClasses}`);
  const nodes = {
    treeIds: [] as number[],
    nodeIds: [] as number[],
    features: [] as number[],
    modes: [] as string[],
    values: [] as number[],
    left: [] as number[],
    right: [] as number[],
  };
  const targets = { treeIds: [] as number[], nodeIds: [] as number[], ids: [] as number[], weights: [] as number[] };
  trees.forEach((tree, t) => {
    tree.feature.forEach((feature, n) => {
      const leaf = feature < 0;
      nodes.treeIds.push(t);
      nodes.nodeIds.push(n);
      nodes.features.push(leaf ? 0 : feature);
      nodes.modes.push(leaf ? 'LEAF' : 'BRANCH_LT'); // treeDistribution: row[feature] < threshold goes left
      nodes.values.push(leaf ? 0 : float32Threshold(tree.threshold[n]!));
      nodes.left.push(leaf ? 0 : tree.left[n]!);
      nodes.right.push(leaf ? 0 : tree.right[n]!);
      if (!leaf) return;
      tree.leaf[n]!.forEach((p, c) => {
        if (p === 0) return; // adds nothing; most leaves of a fully grown tree are pure, so this keeps the file small
        targets.treeIds.push(t);
        targets.nodeIds.push(n);
        targets.ids.push(c);
        targets.weights.push(p / trees.length);
      });
    });
  });
  const [scores] = g.node(
    'TreeEnsembleRegressor',
    [pooled],
    {
      n_targets: k,
      aggregate_function: 'SUM',
      post_transform: 'NONE',
      nodes_treeids: nodes.treeIds,
      nodes_nodeids: nodes.nodeIds,
      nodes_featureids: nodes.features,
      nodes_modes: { strings: nodes.modes },
      nodes_values: { floats: nodes.values },
      nodes_truenodeids: nodes.left,
      nodes_falsenodeids: nodes.right,
      target_treeids: targets.treeIds,
      target_nodeids: targets.nodeIds,
      target_ids: targets.ids,
      target_weights: { floats: targets.weights },
    },
    1,
    ONNX_ML_DOMAIN,
  ); // [batch, k], columns in json.labels order
  const toClasses = new Array<number>(k * numClasses).fill(0);
  json.labels.forEach((label, i) => (toClasses[i * numClasses + label] = 1));
  return g.op('MatMul', [scores!, g.constant(toClasses, [k, numClasses])]);
}
