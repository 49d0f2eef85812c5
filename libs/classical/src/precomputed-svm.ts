// An SVM trained on a kernel matrix computed here (libsvm's precomputed kernel, -t 4), for the inner grid search.
// libsvm-js's asm.js build is slow at RBF kernels over wide dense rows: one fit on 448 x 1,184 hypercolumn rows takes
// ~3 s, so a 16-point grid x 5 inner folds took minutes per outer fold. The distances computed once per fold in
// plain JavaScript serve every (C, gamma) of the grid; the whole search then takes ~9 s, 26x less
// (libs/classical/src/bench/svm-search-time.ts, quiet 2-core machine). Predictions are libsvm's own (the same
// solver on the same kernel values), which the spec checks against RBF fits.
import { LibSvmClass, weightsOfPresentLabels } from './libsvm';

/** Squared Euclidean distances and dot products between every row of `a` and every row of `b`. */
export interface PairwiseProducts {
  dot: Float64Array[];
  squaredDistance: Float64Array[];
}

export function pairwiseProducts(a: readonly number[][], b: readonly number[][]): PairwiseProducts {
  const norm = (r: readonly number[]) => r.reduce((s, v) => s + v * v, 0);
  const bNorms = b.map(norm);
  const dot = a.map((ra) => {
    const out = new Float64Array(b.length);
    b.forEach((rb, j) => {
      let s = 0;
      for (let k = 0; k < ra.length; k++) s += ra[k]! * rb[k]!;
      out[j] = s;
    });
    return out;
  });
  const squaredDistance = a.map((ra, i) => {
    const n = norm(ra);
    return dot[i]!.map((d, j) => Math.max(0, n + bNorms[j]! - 2 * d));
  });
  return { dot, squaredDistance };
}

export type KernelSpec = { kernel: 'rbf'; gamma: number } | { kernel: 'linear' };

/** Kernel values from the pairwise products: exp(-gamma d^2) for RBF, the dot product for linear. */
export function kernelRows(products: PairwiseProducts, spec: KernelSpec): Float64Array[] {
  if (spec.kernel === 'linear') return products.dot;
  return products.squaredDistance.map((row) => row.map((d2) => Math.exp(-spec.gamma * d2)));
}

/**
 * Trains C-SVC on K(train, train) and predicts rows of K(test, train). Rows go to libsvm as [serial, K...]: its
 * precomputed kernel reads x[serial of the other row], so position k+1 must hold the value for training row k.
 */
export function fitPredictPrecomputed(
  trainKernel: readonly Float64Array[],
  y: readonly number[],
  testKernel: readonly Float64Array[],
  opts: { C: number; classWeights?: Record<number, number> },
): number[] {
  const svm = new LibSvmClass({
    type: LibSvmClass.SVM_TYPES.C_SVC,
    kernel: LibSvmClass.KERNEL_TYPES.PRECOMPUTED,
    cost: opts.C,
    weight: weightsOfPresentLabels(opts.classWeights, y),
    quiet: true,
  });
  try {
    svm.train(
      trainKernel.map((row, i) => [i + 1, ...row]),
      [...y],
    );
    return svm.predict(testKernel.map((row) => [0, ...row]));
  } finally {
    svm.free();
  }
}
