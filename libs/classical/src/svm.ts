import { LibSvmClass, weightsOfPresentLabels } from './libsvm';
import { parseLibsvmModel } from './libsvm-text-model';
import { libsvmPredictor, predictLibsvm } from './libsvm-text-predict';
import { checkLabels, toRows, type FeatureRows } from './matrix';
import { Standardizer, type StandardizerState } from './standardizer';

export interface SvmOptions {
  kernel: 'rbf' | 'linear';
  /** Soft-margin cost (libsvm -c); default 1, libsvm's default. */
  C?: number;
  /** RBF width (libsvm -g); default 1 / n_features, libsvm's default (sklearn's 'scale' on z-scored data). */
  gamma?: number;
  /**
   * Fit Platt-scaled probabilities (libsvm -b 1; five inner fits more), which enables predictProbability; predict then
   * gives the most probable class (libsvm's svm_predict_probability), so a label and its probabilities never disagree.
   */
  probability?: boolean;
  /** Per-label multipliers of C (libsvm -wi), e.g. from @ser/evaluation classWeights. */
  classWeights?: Record<number, number>;
}

export interface SvmModelJson {
  kind: 'svm';
  options: SvmOptions;
  labels: number[];
  standardizer: StandardizerState;
  /** libsvm's own text model format. */
  libsvmModel: string;
}

export interface TrainedSvm {
  predict(X: FeatureRows): number[];
  /** Rows of class probabilities, columns in `labels` order; only with `probability: true`. */
  predictProbability(X: FeatureRows): number[][];
  readonly labels: number[];
  toJSON(): SvmModelJson;
  /** Kept for callers that free models; the model lives in JavaScript memory now (see textSvm). */
  dispose(): void;
}

/** C-SVC on features z-scored with the training statistics. Labels are integers (class indices). */
export function trainSvm(X: FeatureRows, y: readonly number[], options: SvmOptions): TrainedSvm {
  const rows = toRows(X);
  checkLabels(y, rows.length);
  const C = options.C ?? 1;
  if (!(C > 0)) throw new Error(`SVM: C must be > 0, got ${C}`);
  if (options.gamma !== undefined && !(options.gamma > 0)) throw new Error(`SVM: gamma must be > 0, got ${options.gamma}`);
  const standardizer = Standardizer.fit(rows);
  const svm = new LibSvmClass({
    type: LibSvmClass.SVM_TYPES.C_SVC,
    kernel: options.kernel === 'rbf' ? LibSvmClass.KERNEL_TYPES.RBF : LibSvmClass.KERNEL_TYPES.LINEAR,
    cost: C,
    gamma: options.gamma ?? 1 / rows[0]!.length,
    probabilityEstimates: options.probability ?? false,
    weight: weightsOfPresentLabels(options.classWeights, y),
    quiet: true,
  });
  let libsvmModel: string;
  try {
    svm.train(standardizer.transform(rows), [...y]);
    // Taken out of emscripten memory at once: a model kept there predicted wrong (0.96 off) once another large model
    // had been loaded into the same heap.
    libsvmModel = svm.serializeModel();
  } finally {
    svm.free();
  }
  const labels = [...new Set(y)].sort((a, b) => a - b);
  return textSvm({ kind: 'svm', options: { ...options }, labels, standardizer: standardizer.toJSON(), libsvmModel });
}

/** Restores a model saved with `toJSON()`. */
export function loadSvm(json: SvmModelJson): TrainedSvm {
  return textSvm(json);
}

/**
 * An SVM predicting in plain JavaScript from its libsvm text (libsvm-text-predict.ts), not through libsvm-js: the
 * asm build gave wrong predictions for larger models (~1.5 MB of text, e.g. 4 classes x 256 features: probabilities
 * up to 0.6 off when loaded in a fresh process, and an in-memory model corrupted by a later load).
 */
function textSvm(json: SvmModelJson): TrainedSvm {
  const standardizer = Standardizer.fromJSON(json.standardizer);
  const predictor = libsvmPredictor(parseLibsvmModel(json.libsvmModel, json.standardizer.mean.length));
  const probability = json.options.probability ?? false;
  let disposed = false;
  const predictRows = (X: FeatureRows) => {
    if (disposed) throw new Error('SVM: model was disposed');
    return standardizer.transform(X).map((row) => predictLibsvm(predictor, row, probability));
  };
  const { labels } = json;
  const libsvmOrder = predictor.model.labels;
  return {
    labels,
    // With probabilities, svm_predict_probability's label (the most probable), so a label and its probabilities agree.
    predict: (X) => predictRows(X).map(({ label }) => label),
    predictProbability(X) {
      if (!probability) throw new Error('SVM: trained without probability: true');
      return predictRows(X).map(({ probabilities }) => labels.map((label) => probabilities![libsvmOrder.indexOf(label)] ?? 0));
    },
    toJSON: () => json,
    dispose: () => void (disposed = true),
  };
}
