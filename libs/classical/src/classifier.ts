import type { FeatureRows } from './matrix';
import { loadRandomForest, trainRandomForest, type RandomForestModelJson, type RandomForestOptions, type TrainedRandomForest } from './random-forest';
import { loadSvm, trainSvm, type SvmModelJson, type SvmOptions, type TrainedSvm } from './svm';

export type ClassicalClassifierConfig = ({ kind: 'svm' } & SvmOptions) | ({ kind: 'random-forest' } & RandomForestOptions);
export type ClassicalModelJson = SvmModelJson | RandomForestModelJson;

/** One interface over the SVM and the random forest, so a recipe picks the classifier by config. */
export interface ClassicalClassifier {
  readonly kind: ClassicalClassifierConfig['kind'];
  /** Trains from scratch (a second call replaces the previous model). Labels are integer class indices. */
  fit(X: FeatureRows, y: readonly number[]): void;
  predict(X: FeatureRows): number[];
  /**
   * Class probabilities, one row per sample, columns in `labels()` order: the forest's mean leaf distribution, or
   * the SVM's Platt-scaled estimates when it was trained with `probability: true`; null for an SVM trained without.
   */
  predictProbability(X: FeatureRows): number[][] | null;
  /** The class indices the model was trained on, ascending: the columns of predictProbability. */
  labels(): number[];
  toJSON(): ClassicalModelJson;
  /** Frees native memory (the SVM's); safe to call more than once. */
  dispose(): void;
}

export function createClassicalClassifier(config: ClassicalClassifierConfig): ClassicalClassifier {
  return new Classifier(config, null);
}

/** Restores a classifier saved with `toJSON()`, ready to predict. */
export function loadClassicalClassifier(json: ClassicalModelJson): ClassicalClassifier {
  return json.kind === 'svm'
    ? new Classifier({ kind: 'svm', ...json.options }, loadSvm(json))
    : new Classifier({ kind: 'random-forest', ...json.options }, loadRandomForest(json));
}

class Classifier implements ClassicalClassifier {
  readonly kind: ClassicalClassifierConfig['kind'];

  constructor(
    private readonly config: ClassicalClassifierConfig,
    private model: TrainedSvm | TrainedRandomForest | null,
  ) {
    this.kind = config.kind;
  }

  fit(X: FeatureRows, y: readonly number[]): void {
    this.dispose();
    const config = this.config;
    if (config.kind === 'svm') {
      const { kind: _kind, ...options } = config;
      this.model = trainSvm(X, y, options);
    } else {
      const { kind: _kind, ...options } = config;
      this.model = trainRandomForest(X, y, options);
    }
  }

  predict(X: FeatureRows): number[] {
    return this.trained().predict(X);
  }

  predictProbability(X: FeatureRows): number[][] | null {
    const model = this.trained();
    if (this.config.kind === 'svm' && !this.config.probability) return null;
    return model.predictProbability(X);
  }

  labels(): number[] {
    return this.trained().labels;
  }

  toJSON(): ClassicalModelJson {
    return this.trained().toJSON();
  }

  dispose(): void {
    if (this.model && 'dispose' in this.model) this.model.dispose();
    this.model = null;
  }

  private trained(): TrainedSvm | TrainedRandomForest {
    if (!this.model) throw new Error(`${this.kind}: call fit() before predict()`);
    return this.model;
  }
}
