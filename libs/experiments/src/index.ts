// @ser/experiments: the FOP paper's experiments as data (plans), an executor that drives the services over gRPC,
// and the results.json / results.md writers.
export { ExperimentError } from './errors';
export {
  resolveSettings,
  SMOKE_SETTINGS,
  FOP_MODEL_SIZES,
  MODEL_SIZES,
  type ModelSize,
  PAPER_REPEATS,
  PROTOCOL_KINDS,
  type ExperimentSettings,
  type SettingsInput,
  type FopArchitecture,
} from './settings';
export {
  BASELINE_ROW,
  buildFopTable1Plan,
  buildFopTable2Plan,
  HYPERCOLUMN_REPRESENTATIONS,
  HYPERCOLUMN_CLASSIFIERS,
  type ExperimentName,
  type ExperimentPlan,
  type PlanAxis,
  type PretrainStep,
  type ClassifierStep,
} from './plan';
export { connectExperimentBackend, closeExperimentBackend, type ExperimentBackend, type BackendAddresses, type StartRunRequest } from './backend';
export { resolveDatasets, type DatasetRef } from './datasets';
export { bestCheckpoint, pretrainedCheckpointId } from './checkpoint';
export { runExperiment, type ExperimentHooks, type ExecuteOptions } from './executor';
export { cancelRun } from './start-run';
export { repeatMetrics, measuredCell, METRIC_DEFINITIONS, type ExperimentResults, type CellResult, type PretrainResult, type RepeatMetrics } from './results';
export { resultsMarkdown } from './markdown';
export { PARTIAL_RESULTS_FILE, writePartialResults, writeResults } from './write-results';
export { CurveRecorder, curvesCsv, curvesFileName, epochPoint, CURVE_COLUMNS, type EpochPoint } from './curves';
export { buildTacnTable1Plan, buildTacnTable2Plan, SEQUENCE_MODELS, FEATURE_SETS, TACN_SMOKE, TACN_SMALL } from './tacn/plan';
export { writeTacnFigures, TSNE_FILE } from './tacn/figures';
export { fetchTsnePanels, tsneCells, thin, MAX_TSNE_POINTS, type RepresentationPanel } from './tacn/representations';
export {
  specToPng,
  specToSvg,
  confusionMatrixPng,
  confusionMatrixSpec,
  tsne2d,
  tsnePng,
  tsneScatterSpec,
  type ConfusionInput,
  type ScatterPanel,
  type TsneOptions,
} from './plots';
export { buildTrainingRecipePlan, RECIPE_CLASSIFIER, recipeConfigSchema, type RecipeConfig, type RecipeOptions } from './recipe';
export { planTrainingRecipe, RecipeRequestError, type PlannedRecipe, type TrainingRecipeRequest } from './recipe-request';
