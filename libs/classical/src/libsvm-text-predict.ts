// libsvm 3.22's C-SVC prediction (svm_predict_values, svm_predict, svm_predict_probability) in plain JavaScript on a
// model parsed from its text. loadSvm predicts with this instead of libsvm-js's asm build: a model loaded there from a
// text of ~1.5 MB or more (hypercolumn SVMs: hundreds of features, ~1000 support vectors) predicted wrong
// probabilities (up to 0.6 off) in a fresh process. Each step follows libsvm's C code operation by operation, in
// double, so the results agree with libsvm's to rounding.
import { classPairs, type LibsvmModel } from './libsvm-text-model';

const MIN_PROBABILITY = 1e-7; // svm_predict_probability's min_prob

export interface LibsvmPrediction {
  /** The predicted label (libsvm's own label, not an index). */
  label: number;
  /** Per label in `model.labels` order; only when asked for and the model has probA / probB. */
  probabilities?: number[];
}

/** Support vectors as one flat row-major array, so the kernel loop reads memory in order. */
export interface LibsvmPredictor {
  model: LibsvmModel;
  supportVectors: Float64Array;
  features: number;
}

export function libsvmPredictor(model: LibsvmModel): LibsvmPredictor {
  const features = model.supportVectors[0]?.length ?? 0;
  const supportVectors = new Float64Array(model.supportVectors.length * features);
  model.supportVectors.forEach((sv, s) => supportVectors.set(sv, s * features));
  return { model, supportVectors, features };
}

/** Kernel::k_function against every support vector: exp(-gamma |x - sv|^2) summed as libsvm does, or x . sv. */
function kernelValues({ model, supportVectors, features }: LibsvmPredictor, x: ArrayLike<number>): Float64Array {
  const values = new Float64Array(model.supportVectors.length);
  for (let s = 0, offset = 0; s < values.length; s++, offset += features) {
    let sum = 0;
    if (model.kernel === 'rbf') {
      for (let j = 0; j < features; j++) {
        const d = x[j]! - supportVectors[offset + j]!;
        sum += d * d;
      }
      values[s] = Math.exp(-model.gamma * sum);
    } else {
      for (let j = 0; j < features; j++) sum += x[j]! * supportVectors[offset + j]!;
      values[s] = sum;
    }
  }
  return values;
}

/** svm_predict_values: one decision value per class pair (i, j), i < j in label order. */
export function decisionValues(predictor: LibsvmPredictor, x: ArrayLike<number>): number[] {
  const { model } = predictor;
  const kernel = kernelValues(predictor, x);
  const starts: number[] = [];
  model.supportVectorCounts.reduce((start, count) => (starts.push(start), start + count), 0);
  return classPairs(model.labels.length).map(([i, j], p) => {
    let sum = 0;
    const coef1 = model.coefficients[j - 1]!;
    const coef2 = model.coefficients[i]!;
    for (let k = 0; k < model.supportVectorCounts[i]!; k++) sum += coef1[starts[i]! + k]! * kernel[starts[i]! + k]!;
    for (let k = 0; k < model.supportVectorCounts[j]!; k++) sum += coef2[starts[j]! + k]! * kernel[starts[j]! + k]!;
    return sum - model.rho[p]!;
  });
}

/** svm_predict's one-vs-one vote: pair (i, j) votes i when its decision is > 0, else j; the first most-voted wins. */
function voteWinner(decision: readonly number[], classes: number): number {
  const votes = new Array<number>(classes).fill(0);
  classPairs(classes).forEach(([i, j], p) => votes[decision[p]! > 0 ? i : j]!++);
  return firstMaximum(votes);
}

function firstMaximum(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** sigmoid_predict, both branches as libsvm takes them. */
function sigmoidPredict(decision: number, A: number, B: number): number {
  const fApB = decision * A + B;
  return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
}

/** multiclass_probability (Wu, Lin and Weng's pairwise coupling), with libsvm's iteration cap and stopping rule. */
export function multiclassProbability(k: number, r: number[][]): number[] {
  const maxIterations = Math.max(100, k);
  const eps = 0.005 / k;
  const p = new Array<number>(k).fill(1.0 / k);
  const Q = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const Qp = new Array<number>(k).fill(0);
  for (let t = 0; t < k; t++) {
    Q[t]![t] = 0;
    for (let j = 0; j < t; j++) {
      Q[t]![t]! += r[j]![t]! * r[j]![t]!;
      Q[t]![j] = Q[j]![t]!;
    }
    for (let j = t + 1; j < k; j++) {
      Q[t]![t]! += r[j]![t]! * r[j]![t]!;
      Q[t]![j] = -r[j]![t]! * r[t]![j]!;
    }
  }
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Stopping condition; Qp and pQp recomputed for numerical accuracy, as libsvm does.
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t]! += Q[t]![j]! * p[j]!;
      pQp += p[t]! * Qp[t]!;
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Qp[t]! - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t]! + pQp) / Q[t]![t]!;
      p[t]! += diff;
      pQp = (pQp + diff * (diff * Q[t]![t]! + 2 * Qp[t]!)) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j]! + diff * Q[t]![j]!) / (1 + diff);
        p[j]! /= 1 + diff;
      }
    }
  }
  return p;
}

/** svm_predict_probability's estimates: Platt per pair clipped to [1e-7, 1 - 1e-7], then coupled (2 classes: as is). */
function probabilityEstimates(model: LibsvmModel, decision: readonly number[]): number[] {
  const k = model.labels.length;
  if (k === 1) return [1];
  const r = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  classPairs(k).forEach(([i, j], p) => {
    const estimate = sigmoidPredict(decision[p]!, model.probA![p]!, model.probB![p]!);
    r[i]![j] = Math.min(Math.max(estimate, MIN_PROBABILITY), 1 - MIN_PROBABILITY);
    r[j]![i] = 1 - r[i]![j]!;
  });
  return k === 2 ? [r[0]![1]!, r[1]![0]!] : multiclassProbability(k, r);
}

/**
 * libsvm's prediction for one (already scaled) row: with `probability`, svm_predict_probability (the label is the
 * most probable class); without, svm_predict's vote.
 */
export function predictLibsvm(predictor: LibsvmPredictor, x: ArrayLike<number>, probability: boolean): LibsvmPrediction {
  const { model } = predictor;
  const decision = decisionValues(predictor, x);
  if (!probability) return { label: model.labels[voteWinner(decision, model.labels.length)]! };
  if (model.labels.length > 1 && (!model.probA || !model.probB)) throw new Error('libsvm model: no probA / probB for probability estimates');
  const probabilities = probabilityEstimates(model, decision);
  return { label: model.labels[firstMaximum(probabilities)]!, probabilities };
}
