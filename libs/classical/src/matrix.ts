/** Feature rows as callers hold them: Float32Array per row (from tfjs) or plain number arrays. */
export type FeatureRows = readonly (Float32Array | readonly number[])[];

/** Plain number[][] (what libsvm-js and ml-random-forest accept), after checking shape and finiteness. */
export function toRows(X: FeatureRows, what = 'X'): number[][] {
  const first = X[0];
  if (!first) throw new Error(`${what}: no rows`);
  const dims = first.length;
  if (dims === 0) throw new Error(`${what}: rows have no features`);
  return X.map((row, i) => {
    if (row.length !== dims) throw new Error(`${what}: row ${i} has ${row.length} features, expected ${dims}`);
    const out = Array.from(row);
    if (out.some((v) => !Number.isFinite(v))) throw new Error(`${what}: row ${i} has a non-finite value`);
    return out;
  });
}

export function checkLabels(y: readonly number[], nRows: number): void {
  if (y.length !== nRows) throw new Error(`y has ${y.length} labels for ${nRows} rows`);
  if (y.some((label) => !Number.isInteger(label))) throw new Error('y: class labels must be integers');
  if (new Set(y).size < 2) throw new Error('y: need at least two classes to train a classifier');
}
