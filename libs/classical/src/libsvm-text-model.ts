// libsvm's text model format (svm_save_model; SvmModelJson.libsvmModel) read into dense arrays. loadSvm predicts from
// these in plain JavaScript (libsvm-text-predict.ts) and @ser/onnx-export builds its graph from them, so both use the
// text's rounded numbers (libsvm writes rho, gamma and probA/B with %g, support vectors with %.8g).

export interface LibsvmModel {
  kernel: 'rbf' | 'linear';
  /** RBF width; 0 for a linear kernel. */
  gamma: number;
  /** Class labels in libsvm's own order (first appearance in the training rows), not sorted. */
  labels: number[];
  /** Support vectors per class, in `labels` order; their rows are consecutive in `supportVectors`. */
  supportVectorCounts: number[];
  /** One per class pair (i, j), i < j in `labels` order: decision = sum(coef K) - rho. */
  rho: number[];
  /** Platt's sigmoid per class pair; null when trained without probability estimates. */
  probA: number[] | null;
  probB: number[] | null;
  /** coefficients[c][s]: the (c)th of the nr_class - 1 coefficients of support vector s. */
  coefficients: number[][];
  /** Dense support vectors [total_sv][features] (libsvm indices are 1-based; absent ones are 0). */
  supportVectors: number[][];
}

const numbers = (text: string) => text.trim().split(/\s+/).filter(Boolean).map(Number);

/** Parses a C-SVC model with an RBF or linear kernel on `features`-dimensional rows. */
export function parseLibsvmModel(text: string, features: number): LibsvmModel {
  const lines = text.split('\n');
  const header = new Map<string, string>();
  let row = 0;
  for (; row < lines.length && lines[row]!.trim() !== 'SV'; row++) {
    const line = lines[row]!.trim();
    const space = line.indexOf(' ');
    // A one-class model writes its per-pair lines (rho, probA, probB) with no values and so no space.
    if (space > 0) header.set(line.slice(0, space), line.slice(space + 1));
    else if (line) header.set(line, '');
  }
  const field = (name: string) => {
    const value = header.get(name);
    if (value === undefined) throw new Error(`libsvm model: no ${name} line`);
    return value;
  };
  if (field('svm_type') !== 'c_svc') throw new Error(`libsvm model: svm_type ${field('svm_type')} is not c_svc`);
  const kernel = field('kernel_type');
  if (kernel !== 'rbf' && kernel !== 'linear') throw new Error(`libsvm model: kernel ${kernel} is not supported (rbf, linear)`);
  const classes = Number(field('nr_class'));
  const total = Number(field('total_sv'));
  const coefficients = Array.from({ length: classes - 1 }, () => new Array<number>(total).fill(0));
  const supportVectors: number[][] = [];
  for (const line of lines.slice(row + 1)) {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    const s = supportVectors.length;
    parts.slice(0, classes - 1).forEach((coef, c) => (coefficients[c]![s] = Number(coef)));
    const dense = new Array<number>(features).fill(0);
    for (const pair of parts.slice(classes - 1)) {
      const [index, value] = pair.split(':');
      const j = Number(index) - 1;
      if (!(j >= 0 && j < features)) throw new Error(`libsvm model: feature index ${index} outside 1..${features}`);
      dense[j] = Number(value);
    }
    supportVectors.push(dense);
  }
  if (supportVectors.length !== total) throw new Error(`libsvm model: ${supportVectors.length} support vectors, total_sv says ${total}`);
  return {
    kernel,
    gamma: kernel === 'rbf' ? Number(field('gamma')) : 0,
    labels: numbers(field('label')),
    supportVectorCounts: numbers(field('nr_sv')),
    rho: numbers(field('rho')),
    probA: header.has('probA') ? numbers(field('probA')) : null,
    probB: header.has('probB') ? numbers(field('probB')) : null,
    coefficients,
    supportVectors,
  };
}

/** The class pairs (i, j), i < j, in libsvm's order of decision values. */
export function classPairs(classes: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < classes; i++) for (let j = i + 1; j < classes; j++) pairs.push([i, j]);
  return pairs;
}

/**
 * [total_sv][pairs] weights so that decision_p = K(x, SV) . column p - rho_p (libsvm svm_predict_values): pair (i, j)
 * takes class i's support vectors with coefficient row j - 1 and class j's with row i.
 */
export function pairCoefficients(model: LibsvmModel): number[][] {
  const starts = model.supportVectorCounts.map((_, c) => model.supportVectorCounts.slice(0, c).reduce((a, b) => a + b, 0));
  const pairs = classPairs(model.labels.length);
  const matrix = model.supportVectors.map(() => new Array<number>(pairs.length).fill(0));
  pairs.forEach(([i, j], p) => {
    for (let k = 0; k < model.supportVectorCounts[i]!; k++) matrix[starts[i]! + k]![p] = model.coefficients[j - 1]![starts[i]! + k]!;
    for (let k = 0; k < model.supportVectorCounts[j]!; k++) matrix[starts[j]! + k]![p] = model.coefficients[i]![starts[j]! + k]!;
  });
  return matrix;
}
