// @ser/classical's SVM (libsvm 3.22 C-SVC through libsvm-js, on z-scored rows) as plain ONNX ops in double, the
// precision libsvm predicts in. With probability estimates: libsvm's svm_predict_probability, i.e. Platt's sigmoid
// per class pair, clipped to [1e-7, 1 - 1e-7], then (3+ classes) multiclass_probability's iterative pairwise coupling with its
// own stopping rule (a Loop that stops each row where libsvm does, so the estimates match beyond its 0.005 / k
// tolerance). Without: libsvm's one-vs-one vote, its first maximum at probability 1, as the inference service serves it.
import { classPairs, pairCoefficients, parseLibsvmModel, type LibsvmModel, type SvmModelJson } from '@ser/classical';
import type { OnnxGraph } from './graph-builder';

const DOUBLE = 11;
const FLOAT = 1;
const MIN_PROBABILITY = 1e-7; // libsvm svm_predict_probability's min_prob

const flat = (rows: number[][]) => rows.flat();
const axes = (g: OnnxGraph, ...values: number[]) => g.constant(values, [values.length], 'int64');

/** [rows][cols] 0/1 with a 1 at (r, column(r)). */
function oneHotRows(g: OnnxGraph, rows: number, cols: number, column: (r: number) => number): string {
  const m = new Array<number>(rows * cols).fill(0);
  for (let r = 0; r < rows; r++) m[r * cols + column(r)] = 1;
  return g.constant(m, [rows, cols], 'double');
}

/** K(x, SV) [batch, total_sv] for z-scored rows z [batch, features] (double). */
function kernelValues(g: OnnxGraph, model: LibsvmModel, z: string): string {
  const features = model.supportVectors[0]!.length;
  const sv = g.constant(flat(model.supportVectors), [model.supportVectors.length, features], 'double');
  const dots = g.op('MatMul', [z, g.op('Transpose', [sv], { perm: [1, 0] })]); // [batch, total_sv]
  if (model.kernel === 'linear') return dots;
  // |z - sv|^2 = |z|^2 + |sv|^2 - 2 z.sv; in double its error (~1e-13) is far below what reaches a probability.
  const zSquares = g.op('ReduceSum', [g.op('Mul', [z, z]), axes(g, 1)], { keepdims: 1 }); // [batch, 1]
  const svSquares = g.constant(
    model.supportVectors.map((v) => v.reduce((s, x) => s + x * x, 0)),
    [1, model.supportVectors.length],
    'double',
  );
  const distances = g.op('Sub', [g.op('Add', [zSquares, svSquares]), g.op('Mul', [dots, g.constant([2], [], 'double')])]);
  return g.op('Exp', [g.op('Mul', [distances, g.constant([-model.gamma], [], 'double')])]);
}

/** libsvm's sigmoid_predict, both branches as libsvm takes them: f >= 0 ? e^-f / (1 + e^-f) : 1 / (1 + e^f). */
function sigmoidPredict(g: OnnxGraph, decision: string, model: LibsvmModel): string {
  const f = g.op('Add', [
    g.op('Mul', [decision, g.constant(model.probA!, [model.probA!.length], 'double')]),
    g.constant(model.probB!, [model.probB!.length], 'double'),
  ]);
  const e = g.op('Exp', [g.op('Neg', [g.op('Abs', [f])])]);
  const onePlus = g.op('Add', [g.constant([1], [], 'double'), e]);
  const p = g.op('Where', [
    g.op('GreaterOrEqual', [f, g.constant([0], [], 'double')]),
    g.op('Div', [e, onePlus]),
    g.op('Div', [g.constant([1], [], 'double'), onePlus]),
  ]);
  return g.op('Min', [g.op('Max', [p, g.constant([MIN_PROBABILITY], [], 'double')]), g.constant([1 - MIN_PROBABILITY], [], 'double')]);
}

/**
 * multiclass_probability(k, r, p) of libsvm 3.22 for every row at once: Q from the pairwise estimates, p = 1/k, then
 * up to max(100, k) sweeps, a row stopping for good once max_t |Qp_t - pQp| < 0.005 / k. pairwise: [batch, pairs].
 */
function pairwiseCoupling(g: OnnxGraph, pairwise: string, k: number): string {
  const pairs = classPairs(k);
  // r[i][j] = pairwise_p, r[j][i] = 1 - pairwise_p: two 0/1 scatters into [batch, k * k], exact in double.
  const upper = oneHotRows(g, pairs.length, k * k, (p) => pairs[p]![0] * k + pairs[p]![1]);
  const lower = oneHotRows(g, pairs.length, k * k, (p) => pairs[p]![1] * k + pairs[p]![0]);
  const complement = g.op('Sub', [g.constant([1], [], 'double'), pairwise]);
  const r = g.op('Reshape', [g.op('Add', [g.op('MatMul', [pairwise, upper]), g.op('MatMul', [complement, lower])]), axes(g, 0, k, k)]); // [batch, k, k]
  const rT = g.op('Transpose', [r], { perm: [0, 2, 1] }); // rT[t][j] = r[j][t]
  const offDiagonal = g.constant(
    Array.from({ length: k * k }, (_, i) => (Math.floor(i / k) === i % k ? 0 : 1)),
    [k, k],
    'double',
  );
  const identity = g.constant(
    Array.from({ length: k * k }, (_, i) => (Math.floor(i / k) === i % k ? 1 : 0)),
    [k, k],
    'double',
  );
  const diagonal = g.op('ReduceSum', [g.op('Mul', [g.op('Mul', [rT, rT]), offDiagonal]), axes(g, 2)], { keepdims: 0 }); // Q[t][t] = sum_{j != t} r[j][t]^2
  const q = g.op('Add', [g.op('Mul', [g.op('Neg', [g.op('Mul', [rT, r])]), offDiagonal]), g.op('Mul', [g.op('Unsqueeze', [diagonal, axes(g, 2)]), identity])]); // [batch, k, k]
  const qRows = Array.from({ length: k }, (_, t) => g.op('Gather', [q, g.constant([t], [], 'int64')], { axis: 1 })); // Q[t][:], [batch, k]
  const qDiagonal = Array.from({ length: k }, (_, t) => g.op('Slice', [diagonal, axes(g, t), axes(g, t + 1), axes(g, 1)])); // [batch, 1]
  const units = Array.from({ length: k }, (_, t) =>
    g.constant(
      Array.from({ length: k }, (_, j) => (j === t ? 1 : 0)),
      [k],
      'double',
    ),
  );

  const body = g.subgraph();
  const [iteration, condIn, pIn] = ['iteration', 'cond_in', 'p_in'].map((n) => `coupling_${n}`) as [string, string, string];
  const qp0 = body.op('Squeeze', [body.op('MatMul', [q, body.op('Unsqueeze', [pIn, axes(g, 2)])]), axes(g, 2)]); // [batch, k]
  const pqp0 = body.op('ReduceSum', [body.op('Mul', [pIn, qp0]), axes(g, 1)], { keepdims: 1 }); // [batch, 1]
  const maxError = body.op('ReduceMax', [body.op('Abs', [body.op('Sub', [qp0, pqp0])])], { axes: [1], keepdims: 1 }); // opset 17: axes an attribute
  const active = body.op('Not', [body.op('Less', [maxError, g.constant([0.005 / k], [], 'double')])]); // [batch, 1]
  let [p, qp, pqp] = [pIn, qp0, pqp0];
  const one = g.constant([1], [], 'double');
  for (let t = 0; t < k; t++) {
    const qpT = body.op('Slice', [qp, axes(g, t), axes(g, t + 1), axes(g, 1)]); // [batch, 1]
    const diff = body.op('Div', [body.op('Sub', [pqp, qpT]), qDiagonal[t]!]);
    const onePlusDiff = body.op('Add', [one, diff]);
    p = body.op('Add', [p, body.op('Mul', [diff, units[t]!])]);
    const grown = body.op('Add', [
      pqp,
      body.op('Mul', [diff, body.op('Add', [body.op('Mul', [diff, qDiagonal[t]!]), body.op('Mul', [g.constant([2], [], 'double'), qpT])])]),
    ]);
    pqp = body.op('Div', [body.op('Div', [grown, onePlusDiff]), onePlusDiff]);
    qp = body.op('Div', [body.op('Add', [qp, body.op('Mul', [diff, qRows[t]!])]), onePlusDiff]);
    p = body.op('Div', [p, onePlusDiff]);
  }
  const pOut = body.op('Where', [active, p, pIn]);
  const anyActive = body.op('Greater', [body.op('ReduceMax', [body.op('Cast', [active], { to: FLOAT })], { keepdims: 0 }), g.constant([0], [])]);
  const loopBody = body.toGraph(
    'pairwise_coupling',
    [
      { name: iteration, dtype: 'int64', shape: [] },
      { name: condIn, dtype: 'bool', shape: [] },
      { name: pIn, dtype: 'double', shape: ['batch', k] },
    ],
    [
      { name: 'coupling_cond_out', dtype: 'bool', shape: [], from: anyActive },
      { name: 'coupling_p_out', dtype: 'double', shape: ['batch', k], from: pOut },
    ],
  );
  const batch = g.op('Gather', [g.op('Shape', [pairwise]), g.constant([0], [1], 'int64')], { axis: 0 }); // [1]
  const pStart = g.op('Expand', [g.constant(new Array<number>(k).fill(1 / k), [1, k], 'double'), g.op('Concat', [batch, axes(g, k)], { axis: 0 })]);
  return g.op('Loop', [g.constant([Math.max(100, k)], [], 'int64'), g.constant([1], [], 'bool'), pStart], { body: { graph: loopBody } });
}

/** libsvm svm_predict's vote: pair (i, j) votes i when its decision is > 0, else j; the first most-voted class, one-hot. [batch, k] */
function oneVsOneVote(g: OnnxGraph, decision: string, k: number): string {
  const pairs = classPairs(k);
  const forI = g.op('Cast', [g.op('Greater', [decision, g.constant([0], [], 'double')])], { to: DOUBLE });
  const forJ = g.op('Sub', [g.constant([1], [], 'double'), forI]);
  const votes = g.op('Add', [
    g.op('MatMul', [forI, oneHotRows(g, pairs.length, k, (p) => pairs[p]![0])]),
    g.op('MatMul', [forJ, oneHotRows(g, pairs.length, k, (p) => pairs[p]![1])]),
  ]);
  const winner = g.op('ArgMax', [votes], { axis: 1, keepdims: 1, select_last_index: 0 }); // [batch, 1] int64, ties to the first
  return g.op(
    'Cast',
    [
      g.op('Equal', [
        winner,
        g.constant(
          Array.from({ length: k }, (_, c) => c),
          [k],
          'int64',
        ),
      ]),
    ],
    { to: DOUBLE },
  );
}

/**
 * The probabilities the inference service gives for an SVM on pooled rows `pooled` (float [batch, features]):
 * [batch, numClasses] float, columns = class indices (libsvm labels); classes the SVM never saw get 0.
 */
export function svmProbabilities(g: OnnxGraph, json: SvmModelJson, pooled: string, numClasses: number): string {
  const features = json.standardizer.mean.length;
  const model = parseLibsvmModel(json.libsvmModel, features);
  const k = model.labels.length;
  if (model.labels.some((label) => !(Number.isInteger(label) && label >= 0 && label < numClasses)))
    throw new Error(`SVM labels [${model.labels}] are not class indices below ${numClasses}`);
  const z = g.op('Div', [
    g.op('Sub', [g.op('Cast', [pooled], { to: DOUBLE }), g.constant(json.standardizer.mean, [features], 'double')]),
    g.constant(json.standardizer.std, [features], 'double'),
  ]);
  const coefficients = g.constant(flat(pairCoefficients(model)), [model.supportVectors.length, classPairs(k).length], 'double');
  const decision = g.op('Sub', [g.op('MatMul', [kernelValues(g, model, z), coefficients]), g.constant(model.rho, [model.rho.length], 'double')]); // [batch, pairs]
  let estimates: string;
  if (json.options.probability) {
    if (!model.probA || !model.probB) throw new Error('the SVM was saved with probability: true but its libsvm model has no probA / probB');
    const pairwise = sigmoidPredict(g, decision, model); // [batch, pairs]
    // Two classes: libsvm-js's libsvm takes the pair's estimate as it is (p, 1 - p), no coupling.
    estimates = k === 2 ? g.op('Concat', [pairwise, g.op('Sub', [g.constant([1], [], 'double'), pairwise])], { axis: 1 }) : pairwiseCoupling(g, pairwise, k);
  } else {
    estimates = oneVsOneVote(g, decision, k);
  }
  const toClasses = oneHotRows(g, k, numClasses, (i) => model.labels[i]!); // libsvm's label order -> class index
  return g.op('Cast', [g.op('MatMul', [estimates, toClasses])], { to: FLOAT });
}
