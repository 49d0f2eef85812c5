import { toRows, type FeatureRows } from './matrix';

export interface StandardizerState {
  mean: number[];
  std: number[];
}

/**
 * z-scoring with statistics of the TRAINING rows only: test rows are transformed with those, never refit,
 * so nothing about the test set leaks into the model. RBF kernels need it (one wide feature would dominate).
 */
export class Standardizer {
  private constructor(readonly state: StandardizerState) {}

  static fit(X: FeatureRows): Standardizer {
    const rows = toRows(X);
    const dims = rows[0]!.length;
    const mean = new Array<number>(dims).fill(0);
    const std = new Array<number>(dims).fill(0);
    for (const row of rows) row.forEach((v, j) => (mean[j]! += v / rows.length));
    for (const row of rows) row.forEach((v, j) => (std[j]! += (v - mean[j]!) ** 2 / rows.length));
    // A constant feature carries no information; dividing by 1 keeps it at 0 instead of NaN.
    return new Standardizer({ mean, std: std.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) });
  }

  static fromJSON(state: StandardizerState): Standardizer {
    return new Standardizer({ mean: [...state.mean], std: [...state.std] });
  }

  transform(X: FeatureRows): number[][] {
    const rows = toRows(X);
    const { mean, std } = this.state;
    if (rows[0]!.length !== mean.length) {
      throw new Error(`Standardizer: rows have ${rows[0]!.length} features, fitted on ${mean.length}`);
    }
    return rows.map((row) => row.map((v, j) => (v - mean[j]!) / std[j]!));
  }

  toJSON(): StandardizerState {
    return this.state;
  }
}
