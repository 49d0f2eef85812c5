// The TACN paper's experiments as plans: a VQ-VAE pre-trained on dataset A, then sequence-model classifier runs on
// the evaluation dataset with the CNN's deep representation alone ('Deep') or fused with the VQ-VAE's latent
// ('Fusion'). Table 1: seven sequence models x {Deep, Fusion}, WA. Table 2: TCN and TACN, Deep and Fusion, with
// macro-F1, WA, UA and confusion matrices. Both end with the baseline row (log-mel statistics into a tuned SVM).
import { BASELINE_ROW, baselineConfig, type ClassifierStep, type ExperimentPlan, type PlanAxis, type PretrainStep } from '../plan';
import type { ExperimentSettings } from '../settings';

export const SEQUENCE_MODELS: readonly PlanAxis[] = [
  { key: 'simple-rnn', label: 'SimpleRNN' },
  { key: 'gru', label: 'GRU' },
  { key: 'bigru', label: 'BiGRU' },
  { key: 'lstm', label: 'LSTM' },
  { key: 'bilstm', label: 'BiLSTM' },
  { key: 'tcn', label: 'TCN' },
  { key: 'tacn', label: 'TACN' },
];

export const FEATURE_SETS: readonly PlanAxis[] = [
  { key: 'deep', label: 'Deep' },
  { key: 'fusion', label: 'Fusion' },
];

/** Smoke sizes (SpeechBrain-recipe style): a 2-filter CNN, 4-8 unit sequence models, a 4-channel VQ-VAE. */
export const TACN_SMOKE = {
  model: { cnnFilters: [2, 2, 2], representationUnits: 8, fusionUnits: 8, channels: 4, layers: 2, numHeads: 2, rnnUnits: 4 },
  maxSegments: 4,
  vqvaeFineTuneEpochs: 1,
  vqvae: { hiddenChannels: 4, embeddingDim: 4, codebookSize: 8 },
} as const;

/**
 * Small sizes for CPU runs on a real corpus: a CNN with 4/8/8 filters, 32-wide representation and fusion, 32-channel
 * TCN/TACN, 32-unit RNNs, 16 segments (2.1 s) per utterance, a 32-channel VQ-VAE with a 64-code book.
 */
export const TACN_SMALL = {
  model: { cnnFilters: [4, 8, 8], representationUnits: 32, fusionUnits: 32, channels: 32, layers: 3, numHeads: 2, rnnUnits: 32 },
  maxSegments: 16,
  vqvaeFineTuneEpochs: 1,
  vqvae: { hiddenChannels: 32, embeddingDim: 16, codebookSize: 64 },
} as const;

/** The sizes of a model size; undefined for 'paper' (the services' defaults are the paper's). */
function tacnSizes(s: ExperimentSettings): typeof TACN_SMOKE | typeof TACN_SMALL | undefined {
  return s.modelSize === 'tiny' ? TACN_SMOKE : s.modelSize === 'small' ? TACN_SMALL : undefined;
}

const defined = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));

function assertNames(dataset: string, pretrainOn: readonly string[]): void {
  if (dataset.trim() === '') throw new RangeError('the evaluation dataset needs a name');
  if (pretrainOn.length !== 1 || pretrainOn[0]!.trim() === '')
    throw new RangeError(`--vqvae-pretrain takes exactly one dataset, got '${pretrainOn.join(',')}'`);
}

function vqvaeStep(dataset: string, s: ExperimentSettings): PretrainStep {
  const config = defined({ model: tacnSizes(s)?.vqvae, epochs: s.pretrainEpochs, batchSize: s.batchSize, patience: s.patience, seed: s.seed });
  return { key: `vqvae:${dataset}`, service: 'vqvae', datasetName: dataset, config };
}

function cell(row: string, column: string, sequenceModel: string, features: string, pretrain: PretrainStep, s: ExperimentSettings): ClassifierStep {
  const sizes = tacnSizes(s);
  const config = defined({
    method: 'sequence-model',
    sequenceModel,
    features,
    vqvaeFineTuneEpochs: features === 'fusion' ? sizes?.vqvaeFineTuneEpochs : undefined,
    model: sizes?.model,
    maxSegments: sizes?.maxSegments,
    epochs: s.epochs,
    batchSize: s.batchSize,
    patience: s.patience,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    protocol: s.protocol,
    classWeights: s.classWeights,
    validationSplit: s.validationSplit,
    repeats: s.repeats,
    seed: s.seed,
  });
  return { row, column, pretrainKey: features === 'fusion' ? pretrain.key : null, config };
}

/**
 * The baseline cell under the table's own protocol, repeats and seed: representation F is the log-mel frames, so it
 * needs no pre-training (neither a FOP nor the table's VQ-VAE).
 */
const baselineCell = (column: string, s: ExperimentSettings): ClassifierStep => ({
  row: BASELINE_ROW.key,
  column,
  pretrainKey: null,
  config: baselineConfig(s),
});

function basePlan(
  dataset: string,
  pretrain: PretrainStep,
  s: ExperimentSettings,
): Pick<ExperimentPlan, 'dataset' | 'pretraining' | 'protocol' | 'repeats' | 'seed' | 'modelSize'> {
  return { dataset, pretraining: [pretrain], protocol: s.protocol, repeats: s.repeats, seed: s.seed, modelSize: s.modelSize };
}

/** TACN paper Table 1: SimpleRNN, GRU, BiGRU, LSTM, BiLSTM, TCN, TACN (rows) on Deep and Fusion features (columns). */
export function buildTacnTable1Plan(dataset: string, pretrainOn: readonly string[], settings: ExperimentSettings): ExperimentPlan {
  assertNames(dataset, pretrainOn);
  const pretrain = vqvaeStep(pretrainOn[0]!, settings);
  const classifierRuns = SEQUENCE_MODELS.flatMap((row) => FEATURE_SETS.map((column) => cell(row.key, column.key, row.key, column.key, pretrain, settings)));
  return {
    name: 'tacn-table1',
    title: `TACN Table 1: sequence models on deep and fused (VQ-VAE pre-trained on ${pretrain.datasetName}) features, classified on ${dataset}`,
    rowHeading: 'Sequence model',
    rows: [...SEQUENCE_MODELS, BASELINE_ROW],
    columns: [...FEATURE_SETS],
    // The baseline reads neither feature set: it sits in the first column, the other stays empty ("–").
    classifierRuns: [...classifierRuns, baselineCell(FEATURE_SETS[0]!.key, settings)],
    ...basePlan(dataset, pretrain, settings),
  };
}

const TABLE2_ROWS = [
  { key: 'deep-tcn', label: 'Deep TCN', sequenceModel: 'tcn', features: 'deep' },
  { key: 'fusion-tcn', label: 'Fusion TCN', sequenceModel: 'tcn', features: 'fusion' },
  { key: 'deep-tacn', label: 'Deep TACN', sequenceModel: 'tacn', features: 'deep' },
  { key: 'fusion-tacn', label: 'Fusion TACN', sequenceModel: 'tacn', features: 'fusion' },
] as const;

/** TACN paper Table 2: Deep TCN, Fusion TCN, Deep TACN, Fusion TACN (rows), one result column. */
export function buildTacnTable2Plan(dataset: string, pretrainOn: readonly string[], settings: ExperimentSettings): ExperimentPlan {
  assertNames(dataset, pretrainOn);
  const pretrain = vqvaeStep(pretrainOn[0]!, settings);
  const column = { key: 'result', label: 'Result' };
  return {
    name: 'tacn-table2',
    title: `TACN Table 2: TCN and TACN on deep and fused (VQ-VAE pre-trained on ${pretrain.datasetName}) features, classified on ${dataset}`,
    rowHeading: 'Model',
    rows: [...TABLE2_ROWS.map(({ key, label }) => ({ key, label })), BASELINE_ROW],
    columns: [column],
    classifierRuns: [...TABLE2_ROWS.map((r) => cell(r.key, column.key, r.sequenceModel, r.features, pretrain, settings)), baselineCell(column.key, settings)],
    ...basePlan(dataset, pretrain, settings),
  };
}
