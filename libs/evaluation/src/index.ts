export { selectItems, type EvaluationItem } from './items';
export { seededRandom, deriveSeed, shuffled, type Random } from './seeded-random';
export { makeFolds, isSpeakerIndependent, parseEvaluationProtocol, evaluationProtocolSchema, type EvaluationProtocol, type Fold } from './protocols';
export { assertSameClasses } from './cross-corpus';
export { stratifiedSplit } from './stratified-split';
export { carveValidation, type CarveValidationOptions } from './validation';
export {
  evaluate,
  evaluateFolds,
  confusionMatrix,
  sumConfusions,
  reportFromConfusion,
  type ClassificationReport,
  type ConfusionMatrix,
  type FoldPredictions,
} from './metrics';
export { runRepeats, meanStd, aggregateReports, type RepeatOptions, type RepeatResult, type MeanStd, type AggregatedReport } from './repeats';
export { classWeights, balancedSampler, type BalancedSampler } from './imbalance';
export { formatMeanStd, resultsTable, type ResultsRow, type FormatOptions } from './report';
