import { LibSvmClass, weightsOfPresentLabels, type LibSvm } from './libsvm';
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
  /** libsvm keeps the model in emscripten memory, which the garbage collector never frees. */
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
  svm.train(standardizer.transform(rows), [...y]);
  const labels = [...new Set(y)].sort((a, b) => a - b);
  return wrap(svm, standardizer, { ...options }, labels);
}

/** Restores a model saved with `toJSON()`. */
export function loadSvm(json: SvmModelJson): TrainedSvm {
  return wrap(LibSvmClass.load(json.libsvmModel), Standardizer.fromJSON(json.standardizer), json.options, json.labels);
}

function wrap(svm: LibSvm, standardizer: Standardizer, options: SvmOptions, labels: number[]): TrainedSvm {
  let disposed = false;
  const live = () => {
    if (disposed) throw new Error('SVM: model was disposed');
    return svm;
  };
  return {
    labels,
    predict: (X) =>
      options.probability
        ? live()
            .predictProbability(standardizer.transform(X))
            .map(({ prediction }) => prediction)
        : live().predict(standardizer.transform(X)),
    predictProbability(X) {
      if (!options.probability) throw new Error('SVM: trained without probability: true');
      return live()
        .predictProbability(standardizer.transform(X))
        .map(({ estimates }) => labels.map((label) => estimates.find((e) => e.label === label)?.probability ?? 0));
    },
    toJSON: () => ({
      kind: 'svm',
      options,
      labels,
      standardizer: standardizer.toJSON(),
      libsvmModel: live().serializeModel(),
    }),
    dispose() {
      if (!disposed) svm.free();
      disposed = true;
    },
  };
}
