import { evaluationProtocolSchema, parseEvaluationProtocol, type EvaluationProtocol } from '@ser/evaluation';
import { FEATURE_NORMALIZATIONS, type FeatureNormalization } from '@ser/runs';

/** FOP architecture keys shared by pre-training and every classifier run of an experiment (rows must compare alike). */
export interface FopArchitecture {
  nMels: number;
  dModel: number;
  numHeads: number;
  ffnUnits: number;
  numLayers: number;
}

/**
 * What a person chooses when running a FOP experiment. Absent values fall to the services' defaults (the paper's
 * settings), which the services resolve and store with each run.
 */
export interface ExperimentSettings {
  protocol: EvaluationProtocol;
  /** Which sizes the models have: the paper's, or smaller ones that fit a CPU (recorded with the results). */
  modelSize: ModelSize;
  /** The smoke preset was asked for (short runs; the model size, 'tiny' unless chosen, sets the sizes). */
  smoke?: boolean;
  /** Independent repetitions per cell; the FOP paper reports means over 20. */
  repeats: number;
  seed: number;
  /** Classifier epochs (fine-tuning; the attention-LSTM of the hypercolumns). */
  epochs?: number;
  pretrainEpochs?: number;
  /** Training crops of pre-training and fine-tuning, frames (10 ms each). */
  cropFrames?: number;
  batchSize?: number;
  /** Early-stopping patience of pre-training and fine-tuning. */
  patience?: number;
  /** Optimizer of the sequence-model (TACN) classifier runs; absent: the service's, the paper's Adadelta. */
  optimizer?: 'adadelta' | 'adam';
  /** Its learning rate; absent: the service's default for the optimizer (1.0 Adadelta, 1e-3 Adam). */
  learningRate?: number;
  /** Loss weighting of every classifier run: 'none' (the papers weigh no class) unless asked for. */
  classWeights: 'balanced' | 'none';
  /**
   * Labels-free feature normalisation of the pooled SVM / forest runs (`ser train`'s recipe and baseline rows):
   * each corpus or speaker z-scored with its own statistics. Absent: none (the papers).
   */
  normalize?: Exclude<FeatureNormalization, 'none'>;
  /** Early stopping's validation share: whole speakers or a stratified share of utterances; absent: the service's. */
  validationSplit?: 'speakers' | 'stratified';
  model?: Partial<FopArchitecture>;
  /** Attention-LSTM sizes of the hypercolumn runs (units, attentionUnits, maxFrames, batchSize). */
  attentionLstm?: Record<string, number>;
}

/**
 * 'paper': the services' defaults (the papers' sizes). 'small': narrower models for CPU runs on a real corpus
 * (a table from them is not the paper's). 'tiny': the smoke sizes, for tests.
 */
export const MODEL_SIZES = ['paper', 'small', 'tiny'] as const;
export type ModelSize = (typeof MODEL_SIZES)[number];

export const PAPER_REPEATS = 20; // 20: "mean over 20 runs", FOP paper sec. 4.2

/**
 * The smoke configuration (SpeechBrain-recipe style): 2 epochs, 1 repeat, short crops and a 2-layer FOP narrow
 * enough to train in seconds on a laptop. Two layers, not one, so the hypercolumns h1 and h2 both exist.
 */
export const SMOKE_SETTINGS: Omit<ExperimentSettings, 'protocol' | 'seed' | 'modelSize' | 'classWeights'> = {
  repeats: 1,
  epochs: 2,
  pretrainEpochs: 2,
  cropFrames: 40,
  batchSize: 8,
  patience: 2,
  model: { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 2 },
  attentionLstm: { units: 8, attentionUnits: 8, maxFrames: 100, batchSize: 8 },
};

/** FOP and attention-LSTM sizes per model size ('paper' sets none: the services' defaults). */
export const FOP_MODEL_SIZES: Record<ModelSize, Pick<ExperimentSettings, 'model' | 'attentionLstm'>> = {
  paper: {},
  // dModel 64, 2 heads, FFN 128, 2 layers: a quarter of the paper's width, still two layers for h1 and h2.
  small: { model: { nMels: 80, dModel: 64, numHeads: 2, ffnUnits: 128, numLayers: 2 }, attentionLstm: { units: 32, attentionUnits: 32 } },
  tiny: { model: SMOKE_SETTINGS.model, attentionLstm: SMOKE_SETTINGS.attentionLstm },
};

export interface SettingsInput {
  protocol?: string;
  repeats?: number;
  seed?: number;
  epochs?: number;
  pretrainEpochs?: number;
  /** Batch size of pre-training and of the classifier runs. */
  batchSize?: number;
  patience?: number;
  optimizer?: string;
  learningRate?: number;
  smoke?: boolean;
  /** 'paper' | 'small' | 'tiny'; absent: 'tiny' with smoke, else 'paper'. */
  modelSize?: string;
  /** speaker-holdout only: the test speakers (absent: the protocol's default, the first two speaker ids). */
  testSpeakers?: string[];
  /** 'balanced' | 'none'; absent: 'none', as the papers. */
  classWeights?: string;
  /** 'none' | 'per-corpus' | 'per-speaker'; absent: 'none'. */
  normalize?: string;
  /** leave-speakers-out only: how many consecutive groups of sorted speaker ids (default 6). */
  folds?: number;
  /** 'speakers' | 'stratified'. */
  validationSplit?: string;
  /** The protocol when none is asked for: the paper's own (FOP: speaker-holdout; TACN: stratified-holdout). */
  paperProtocol?: string;
  /** The dataset trained on (cross-corpus: checked against the test datasets). */
  dataset?: string;
  /** cross-corpus only: the datasets tested on (names). */
  testDatasets?: string[];
  /** cross-corpus only: datasets trained on beside the experiment's dataset (names). */
  trainAlso?: string[];
}

/**
 * Settings from command-line style input: the smoke preset first, the model size's sizes over it, explicit values
 * over both. Bad values throw.
 */
export function resolveSettings(input: SettingsInput): ExperimentSettings {
  const base = input.smoke ? SMOKE_SETTINGS : { repeats: PAPER_REPEATS };
  const modelSize = parseModelSize(input.modelSize ?? (input.smoke ? 'tiny' : 'paper'));
  const settings: ExperimentSettings = {
    ...base,
    modelSize,
    protocol: parseProtocol(input.protocol ?? input.paperProtocol ?? 'speaker-holdout', input),
    seed: input.seed ?? 1,
    classWeights: parseClassWeights(input.classWeights ?? 'none'),
    ...(input.smoke ? { smoke: true } : {}),
  };
  const normalize = parseNormalize(input.normalize ?? 'none');
  if (normalize !== 'none') settings.normalize = normalize;
  // The model size alone decides the sizes, smoke or not (--smoke --model-size small: short runs, small models).
  delete settings.model;
  delete settings.attentionLstm;
  Object.assign(settings, FOP_MODEL_SIZES[modelSize]);
  if (input.repeats !== undefined) settings.repeats = input.repeats;
  if (input.epochs !== undefined) settings.epochs = input.epochs;
  if (input.pretrainEpochs !== undefined) settings.pretrainEpochs = input.pretrainEpochs;
  if (input.batchSize !== undefined) settings.batchSize = input.batchSize;
  if (input.patience !== undefined) settings.patience = input.patience;
  for (const key of ['repeats', 'epochs', 'pretrainEpochs', 'batchSize'] as const) {
    const value = settings[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new RangeError(`${key} must be a positive integer, got ${value}`);
  }
  if (settings.patience !== undefined && (!Number.isInteger(settings.patience) || settings.patience < 0))
    throw new RangeError(`patience must be a non-negative integer, got ${settings.patience}`);
  if (input.optimizer !== undefined) {
    if (input.optimizer !== 'adadelta' && input.optimizer !== 'adam') throw new RangeError(`optimizer must be adadelta or adam, got '${input.optimizer}'`);
    settings.optimizer = input.optimizer;
  }
  if (input.validationSplit !== undefined) {
    if (input.validationSplit !== 'speakers' && input.validationSplit !== 'stratified')
      throw new RangeError(`validation must be speakers or stratified, got '${input.validationSplit}'`);
    settings.validationSplit = input.validationSplit;
  }
  if (input.learningRate !== undefined) {
    if (!(input.learningRate > 0) || !Number.isFinite(input.learningRate))
      throw new RangeError(`learning rate must be a positive number, got ${input.learningRate}`);
    settings.learningRate = input.learningRate;
  }
  return settings;
}

export const PROTOCOL_KINDS = [
  'speaker-holdout',
  'leave-speakers-out',
  'leave-one-speaker-out',
  'leave-one-session-out',
  'stratified-holdout',
  'cross-corpus',
] as const;

const DEFAULT_SPEAKER_FOLDS = 6; // RAVDESS's 24 actors as 6 folds of 4 (two men, two women each)

function parseClassWeights(value: string): ExperimentSettings['classWeights'] {
  if (value !== 'balanced' && value !== 'none') throw new RangeError(`class weights must be balanced or none, got '${value}'`);
  return value;
}

/** `value` as one of `choices`, or a RangeError naming the setting and the allowed values. */
function parseChoice<const C extends readonly string[]>(setting: string, choices: C, value: string): C[number] {
  const isChoice = (v: string): v is C[number] => choices.includes(v);
  if (!isChoice(value)) throw new RangeError(`${setting} must be one of ${choices.join(', ')}, got '${value}'`);
  return value;
}

function parseNormalize(value: string): FeatureNormalization {
  return parseChoice('normalize', FEATURE_NORMALIZATIONS, value);
}

function parseModelSize(size: string): ModelSize {
  return parseChoice('model size', MODEL_SIZES, size);
}

function parseProtocol(kind: string, { testSpeakers, folds, testDatasets, trainAlso, dataset }: SettingsInput): EvaluationProtocol {
  if (!(PROTOCOL_KINDS as readonly string[]).includes(kind)) throw new RangeError(`protocol must be one of ${PROTOCOL_KINDS.join(', ')}, got '${kind}'`);
  if (kind === 'cross-corpus') return crossCorpusProtocol(testSpeakers, folds, testDatasets, [dataset ?? '', ...(trainAlso ?? [])]);
  if (testDatasets !== undefined) throw new RangeError(`--test-dataset is for the cross-corpus protocol, not ${kind}`);
  if (trainAlso !== undefined && trainAlso.length > 0)
    throw new RangeError(`protocol ${kind} trains on one dataset; several ('a+b') are for the cross-corpus protocol`);
  if (folds !== undefined && kind !== 'leave-speakers-out') throw new RangeError(`--folds is for the leave-speakers-out protocol, not ${kind}`);
  if (kind === 'leave-speakers-out') {
    if (folds !== undefined && !(Number.isInteger(folds) && folds >= 2)) throw new RangeError(`folds must be an integer >= 2, got ${folds}`);
    return parseEvaluationProtocol({ kind, folds: folds ?? DEFAULT_SPEAKER_FOLDS });
  }
  if (testSpeakers === undefined) return parseEvaluationProtocol({ kind });
  if (kind !== 'speaker-holdout') throw new RangeError(`test speakers are chosen only with the speaker-holdout protocol, not ${kind}`);
  if (testSpeakers.length === 0 || testSpeakers.some((s) => s.trim() === '')) throw new RangeError('test speakers need speaker ids');
  return parseEvaluationProtocol({ kind, testSpeakers });
}

/** Dataset names are kept as given: the executor resolves them to versions when it starts the runs. */
function crossCorpusProtocol(
  testSpeakers: string[] | undefined,
  folds: number | undefined,
  testDatasets: string[] | undefined,
  [dataset, ...trainAlso]: string[],
): EvaluationProtocol {
  if (folds !== undefined) throw new RangeError('--folds is for the leave-speakers-out protocol, not cross-corpus');
  if (testSpeakers !== undefined)
    throw new RangeError('test speakers are chosen only with the speaker-holdout protocol, not cross-corpus (it tests on every speaker of the test dataset)');
  if (!testDatasets || testDatasets.length === 0 || testDatasets.some((d) => d.trim() === ''))
    throw new RangeError('protocol cross-corpus needs --test-dataset, the dataset tested on');
  if (testDatasets.some((d) => d.trim() === dataset))
    throw new RangeError(`protocol cross-corpus tests on another corpus: --test-dataset must differ from the dataset trained on ('${dataset}')`);
  const parsed = evaluationProtocolSchema.safeParse({
    kind: 'cross-corpus',
    testDatasets: testDatasets.map((d) => d.trim()),
    ...(trainAlso.length ? { trainAlsoDatasets: trainAlso } : {}),
  });
  if (!parsed.success) throw new RangeError(`protocol ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
