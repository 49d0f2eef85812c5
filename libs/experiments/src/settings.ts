import { parseEvaluationProtocol, type EvaluationProtocol } from '@ser/evaluation';

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
  /** The smoke preset was asked for (plans with their own tiny sizes, e.g. TACN's, pick them). */
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
  model?: Partial<FopArchitecture>;
  /** Attention-LSTM sizes of the hypercolumn runs (units, attentionUnits, maxFrames, batchSize). */
  attentionLstm?: Record<string, number>;
}

export const PAPER_REPEATS = 20; // 20: "mean over 20 runs", FOP paper sec. 4.2

/**
 * The smoke configuration (SpeechBrain-recipe style): 2 epochs, 1 repeat, short crops and a 2-layer FOP narrow
 * enough to train in seconds on a laptop. Two layers, not one, so the hypercolumns h1 and h2 both exist.
 */
export const SMOKE_SETTINGS: Omit<ExperimentSettings, 'protocol' | 'seed'> = {
  repeats: 1,
  epochs: 2,
  pretrainEpochs: 2,
  cropFrames: 40,
  batchSize: 8,
  patience: 2,
  model: { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 2 },
  attentionLstm: { units: 8, attentionUnits: 8, maxFrames: 100, batchSize: 8 },
};

export interface SettingsInput {
  protocol?: string;
  repeats?: number;
  seed?: number;
  epochs?: number;
  pretrainEpochs?: number;
  smoke?: boolean;
}

/** Settings from command-line style input: the smoke preset first, explicit values over it. Bad values throw. */
export function resolveSettings(input: SettingsInput): ExperimentSettings {
  const base = input.smoke ? SMOKE_SETTINGS : { repeats: PAPER_REPEATS };
  const settings: ExperimentSettings = {
    ...base,
    protocol: parseProtocol(input.protocol ?? 'speaker-holdout'),
    seed: input.seed ?? 1,
    ...(input.smoke ? { smoke: true } : {}),
  };
  if (input.repeats !== undefined) settings.repeats = input.repeats;
  if (input.epochs !== undefined) settings.epochs = input.epochs;
  if (input.pretrainEpochs !== undefined) settings.pretrainEpochs = input.pretrainEpochs;
  for (const key of ['repeats', 'epochs', 'pretrainEpochs'] as const) {
    const value = settings[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new RangeError(`${key} must be a positive integer, got ${value}`);
  }
  return settings;
}

export const PROTOCOL_KINDS = ['speaker-holdout', 'leave-one-speaker-out', 'leave-one-session-out', 'stratified-holdout'] as const;

function parseProtocol(kind: string): EvaluationProtocol {
  if (!(PROTOCOL_KINDS as readonly string[]).includes(kind)) throw new RangeError(`protocol must be one of ${PROTOCOL_KINDS.join(', ')}, got '${kind}'`);
  return parseEvaluationProtocol({ kind });
}
