export type { FeatureRows } from './matrix';
export { Standardizer, type StandardizerState } from './standardizer';
export { groupFolds, searchSvm, type SvmSearchGrid, type SvmSearchResult } from './svm-search';
export { trainSvm, loadSvm, type SvmOptions, type SvmModelJson, type TrainedSvm } from './svm';
export { parseLibsvmModel, classPairs, pairCoefficients, type LibsvmModel } from './libsvm-text-model';
export { libsvmPredictor, predictLibsvm, type LibsvmPredictor, type LibsvmPrediction } from './libsvm-text-predict';
export { trainRandomForest, loadRandomForest, type RandomForestOptions, type RandomForestModelJson, type TrainedRandomForest } from './random-forest';
export {
  createClassicalClassifier,
  loadClassicalClassifier,
  type ClassicalClassifier,
  type ClassicalClassifierConfig,
  type ClassicalModelJson,
} from './classifier';
export { standardizeByGroup, foldStandardization } from './group-standardization';
