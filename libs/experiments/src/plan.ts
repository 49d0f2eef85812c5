import type { EvaluationProtocol } from '@ser/evaluation';
import type { ExperimentSettings, ModelSize } from './settings';

export type ExperimentName = 'fop-table1' | 'fop-table2' | 'tacn-table1' | 'tacn-table2' | 'train-recipe';

/** A row or column of the results table: a stable key and what the table prints. */
export interface PlanAxis {
  key: string;
  label: string;
}

/** One pre-training run; `config` is StartFopPretrainRun's (or StartVqvaePretrainRun's) config_json minus the dataset versions. */
export interface PretrainStep {
  key: string;
  /** Which pre-trainer runs it; FOP when absent. */
  service?: 'fop' | 'vqvae';
  datasetName: string;
  config: Record<string, unknown>;
}

/**
 * One classifier run = one table cell; `config` is StartClassifierRun's config_json minus the dataset version and
 * checkpoint, which the executor fills in (`pretrainKey` null = random initialisation).
 */
export interface ClassifierStep {
  row: string;
  column: string;
  pretrainKey: string | null;
  config: Record<string, unknown>;
  /** Registers the run's kept model under this name (the training recipe); table cells register none. */
  modelName?: string;
}

/** An experiment as data: what to pre-train, which classifier runs fill which cells, how they are evaluated. */
export interface ExperimentPlan {
  name: ExperimentName;
  title: string;
  /** The labelled dataset every classifier run trains and is evaluated on. */
  dataset: string;
  /** What the rows vary, the table's first header ("Pre-training", "Representation"). */
  rowHeading: string;
  rows: PlanAxis[];
  columns: PlanAxis[];
  pretraining: PretrainStep[];
  classifierRuns: ClassifierStep[];
  protocol: EvaluationProtocol;
  repeats: number;
  seed: number;
  /** The models' sizes: 'paper' or smaller ones (then the table is not the paper's). */
  modelSize: ModelSize;
}

export const HYPERCOLUMN_REPRESENTATIONS: readonly PlanAxis[] = [
  { key: 'F', label: 'F (input frames)' },
  { key: 'h1', label: 'h1 (layer 1 output)' },
  { key: 'h2', label: 'h2 (layer 2 output)' },
  { key: 'add', label: 'h_add (added)' },
  { key: 'concat', label: 'h_concat (concatenated)' },
];

export const HYPERCOLUMN_CLASSIFIERS: readonly PlanAxis[] = [
  { key: 'svm', label: 'SVM' },
  { key: 'random-forest', label: 'Random forest' },
  { key: 'attention-lstm', label: 'Attention-LSTM' },
];

const pretrainKey = (dataset: string) => `pretrain:${dataset}`;

/** The bar every FOP table is read against (issue 13): log-mel statistics into a tuned RBF SVM, under the same folds. */
export const BASELINE_ROW: PlanAxis = { key: 'baseline', label: 'Baseline: log-mel mean + std, RBF SVM (C, gamma tuned on training speakers)' };

/**
 * The baseline as a classifier run: representation F (the log-mel frames; the FOP is never run, though the method
 * names a checkpoint), per-band mean and standard deviation, C and gamma chosen by inner folds of the training
 * speakers. Same protocol, repeats and seed as the table's other cells.
 */
export function baselineConfig(s: ExperimentSettings): Record<string, unknown> {
  return defined({
    method: 'fop-hypercolumns',
    representation: 'F',
    classifier: 'svm',
    pooling: 'mean-std',
    svm: { search: {} },
    protocol: s.protocol,
    repeats: s.repeats,
    seed: s.seed,
    // Weighted like the rows it is compared with; 'none' stays implicit so earlier results' baseline cells still match --reuse.
    classWeights: s.classWeights === 'balanced' ? 'balanced' : undefined,
    // Normalised like the recipe row it is compared with (absent when none, so earlier cells still match --reuse).
    normalize: s.normalize,
  });
}

/**
 * The datasets one pre-training reads: 'a+b' pre-trains a single model on a and b together (e.g. librispeech plus
 * the target corpus's own audio); a plain name is one dataset.
 */
export function pretrainDatasetNames(datasetName: string): string[] {
  return datasetName.split('+').map((n) => n.trim());
}

/** Drops undefined values, so a config carries only what was chosen and the services fill in their defaults. */
export function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export function pretrainStep(dataset: string, s: ExperimentSettings): PretrainStep {
  const config = defined({ model: s.model, epochs: s.pretrainEpochs, cropFrames: s.cropFrames, batchSize: s.batchSize, patience: s.patience, seed: s.seed });
  return { key: pretrainKey(dataset), datasetName: dataset, config };
}

/** The attention-LSTM's knobs the settings choose; undefined when none, so the service keeps its defaults. */
function attentionLstmConfig(s: ExperimentSettings): Record<string, unknown> | undefined {
  const config = defined({ ...s.attentionLstm, epochs: s.epochs, patience: s.patience });
  return Object.keys(config).length > 0 ? config : undefined;
}

function assertDatasets(names: readonly string[], what: string, count?: number): void {
  if (names.length === 0 || names.some((n) => pretrainDatasetNames(n).some((part) => part === ''))) throw new RangeError(`${what} needs dataset names`);
  if (new Set(names).size !== names.length) throw new RangeError(`${what} names a dataset twice: ${names.join(', ')}`);
  if (count !== undefined && names.length !== count) throw new RangeError(`${what} takes exactly ${count} dataset(s), got ${names.join(', ')}`);
}

/**
 * FOP paper Table 1: fine-tuning on `dataset` from random initialisation ("None") and from FOP pre-trained on
 * each of `pretrainOn` (the paper's A and B). Every row shares the architecture, protocol, repeats and seed.
 */
export function buildFopTable1Plan(dataset: string, pretrainOn: readonly string[], settings: ExperimentSettings): ExperimentPlan {
  assertDatasets([dataset], 'the evaluation dataset');
  assertDatasets(pretrainOn, '--pretrain');
  const pretraining = pretrainOn.map((name) => pretrainStep(name, settings));
  const fineTune = defined({
    method: 'fop-fine-tune',
    model: settings.model,
    protocol: settings.protocol,
    classWeights: settings.classWeights,
    validationSplit: settings.validationSplit,
    repeats: settings.repeats,
    epochs: settings.epochs,
    cropFrames: settings.cropFrames,
    batchSize: settings.batchSize,
    patience: settings.patience,
    seed: settings.seed,
  });
  const column = { key: 'fine-tune', label: 'Fine-tuning' };
  const fopRows: PlanAxis[] = [
    { key: 'none', label: 'None (random init)' },
    ...pretraining.map((p) => ({ key: p.key, label: `FOP pre-trained on ${p.datasetName}` })),
  ];
  const baseline: ClassifierStep = { row: BASELINE_ROW.key, column: column.key, pretrainKey: pretraining[0]!.key, config: baselineConfig(settings) };
  return {
    name: 'fop-table1',
    title: `FOP Table 1: fine-tuning on ${dataset} with pre-training None / ${pretrainOn.join(' / ')}`,
    dataset,
    rowHeading: 'Pre-training',
    rows: [...fopRows, BASELINE_ROW],
    columns: [column],
    pretraining,
    classifierRuns: [
      ...fopRows.map((row) => ({ row: row.key, column: column.key, pretrainKey: row.key === 'none' ? null : row.key, config: fineTune })),
      baseline,
    ],
    protocol: settings.protocol,
    repeats: settings.repeats,
    seed: settings.seed,
    modelSize: settings.modelSize,
  };
}

/**
 * FOP paper Table 2: hypercolumns of a frozen FOP pre-trained on `pretrainOn` — representations F, h1, h2, h_add,
 * h_concat (rows) fed to SVM, random forest and attention-LSTM (columns), trained and evaluated on `dataset`.
 */
export function buildFopTable2Plan(dataset: string, pretrainOn: readonly string[], settings: ExperimentSettings): ExperimentPlan {
  assertDatasets([dataset], 'the evaluation dataset');
  assertDatasets(pretrainOn, '--pretrain', 1);
  const pretrain = pretrainStep(pretrainOn[0]!, settings);
  // The baseline (an SVM: the other columns of its row stay empty, "–"), then column by column: the SVM and forest
  // cells take minutes, the attention-LSTM's train for epochs and take most of the table, so a run stopped early
  // (SIGTERM, then --reuse) has the cheap cells whole.
  const classifierRuns: ClassifierStep[] = [{ row: BASELINE_ROW.key, column: 'svm', pretrainKey: pretrain.key, config: baselineConfig(settings) }];
  for (const column of HYPERCOLUMN_CLASSIFIERS) {
    for (const row of HYPERCOLUMN_REPRESENTATIONS) {
      const config = defined({
        method: 'fop-hypercolumns',
        representation: row.key,
        classifier: column.key,
        // Only the attention-LSTM trains by epochs; SVM and random forest keep the service's defaults.
        attentionLstm: column.key === 'attention-lstm' ? attentionLstmConfig(settings) : undefined,
        protocol: settings.protocol,
        classWeights: settings.classWeights,
        validationSplit: column.key === 'attention-lstm' ? settings.validationSplit : undefined,
        repeats: settings.repeats,
        seed: settings.seed,
      });
      classifierRuns.push({ row: row.key, column: column.key, pretrainKey: pretrain.key, config });
    }
  }
  return {
    name: 'fop-table2',
    title: `FOP Table 2: hypercolumns of FOP pre-trained on ${pretrain.datasetName}, classified on ${dataset}`,
    dataset,
    rowHeading: 'Representation',
    rows: [...HYPERCOLUMN_REPRESENTATIONS, BASELINE_ROW],
    columns: [...HYPERCOLUMN_CLASSIFIERS],
    pretraining: [pretrain],
    classifierRuns,
    protocol: settings.protocol,
    repeats: settings.repeats,
    seed: settings.seed,
    modelSize: settings.modelSize,
  };
}
