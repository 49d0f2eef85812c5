// The protocol loop every classifier method shares: repeats x folds, the validation split carved from training
// speakers only, evaluation of the test predictions, and the evaluation artifact of the run.
import { carveValidation, evaluate, isSpeakerIndependent, makeFolds, selectItems, type EvaluationItem, type EvaluationProtocol } from '@ser/evaluation';
import { summarise, type FoldResult, type RunEvaluation } from './evaluation';

export interface ProtocolConfig {
  method: string;
  datasetVersionId: string;
  pretrainedCheckpointId?: string;
  protocol: EvaluationProtocol;
  repeats: number;
  seed: number;
  validationFraction: number;
  validationSplit: 'speakers' | 'stratified';
}

export interface FoldPlan {
  repeat: number;
  fold: number;
  totalFolds: number;
  name: string;
  /** config.seed + repeat. */
  seed: number;
  /** All of the fold's training items (no validation carved yet) and its test items. */
  train: EvaluationItem[];
  test: EvaluationItem[];
  /** The fold whose model is kept for serving: the last repeat's first fold. */
  keepModel: boolean;
}

export interface FoldOutcome {
  /** What the classifier trained on, and validated on ([] when it needs no validation split). */
  train: EvaluationItem[];
  validation: EvaluationItem[];
  /** Predicted class name of each test item, in plan.test order. */
  predicted: string[];
  epochsRun: number;
  bestEpoch: number;
  /** null when the classifier has no validation loss (SVM, random forest). */
  bestValidationLoss: number | null;
}

export interface FoldEvents {
  onFold(f: { repeat: number; fold: number; totalFolds: number; wa: number; ua: number }): void;
  shouldCancel(): boolean;
}

/** A fold trained with early stopping: its split, the test predictions (argmax of the probabilities), its history. */
export function earlyStoppedOutcome(
  split: { train: EvaluationItem[]; validation: EvaluationItem[] },
  probabilities: readonly ArrayLike<number>[],
  classes: readonly string[],
  trained: { history: readonly unknown[]; bestEpoch: number; bestValidationLoss: number },
): FoldOutcome {
  return {
    ...split,
    predicted: probabilities.map((p) => classes[argmax(p)]!),
    epochsRun: trained.history.length,
    bestEpoch: trained.bestEpoch,
    bestValidationLoss: trained.bestValidationLoss,
  };
}

/**
 * A validation split of the plan's training items: whole speakers when the protocol is speaker-independent and the
 * run asks for 'speakers'; otherwise a stratified share of the utterances.
 */
export function carveFoldValidation(plan: FoldPlan, config: ProtocolConfig): { train: EvaluationItem[]; validation: EvaluationItem[] } {
  const bySpeaker = config.validationSplit === 'speakers' && isSpeakerIndependent(config.protocol);
  return carveValidation(plan.train, { fraction: config.validationFraction, seed: plan.seed, bySpeaker });
}

/** Runs `trainFold` on every repeat x fold and evaluates its predictions; null when cancelled (or a fold returns null). */
export async function runProtocol(
  config: ProtocolConfig,
  items: readonly EvaluationItem[],
  classes: readonly string[],
  events: FoldEvents,
  trainFold: (plan: FoldPlan) => Promise<FoldOutcome | null>,
): Promise<FoldResult[] | null> {
  const results: FoldResult[] = [];
  const speakers = (part: readonly EvaluationItem[]) => [...new Set(part.map((i) => i.speaker))].sort();
  for (let repeat = 0; repeat < config.repeats; repeat++) {
    const seed = config.seed + repeat;
    const folds = makeFolds(items, config.protocol, seed);
    for (const [foldIndex, fold] of folds.entries()) {
      if (events.shouldCancel()) return null;
      const plan: FoldPlan = {
        repeat,
        fold: foldIndex,
        totalFolds: folds.length,
        name: fold.name,
        seed,
        train: selectItems(items, fold.train),
        test: selectItems(items, fold.test),
        keepModel: repeat === config.repeats - 1 && foldIndex === 0,
      };
      const outcome = await trainFold(plan);
      if (!outcome) return null;
      const report = evaluate(
        plan.test.map((i) => i.label),
        outcome.predicted,
        [...classes],
      );
      results.push({
        repeat,
        fold: foldIndex,
        name: fold.name,
        seed,
        trainSpeakers: speakers(outcome.train),
        validationSpeakers: speakers(outcome.validation),
        testSpeakers: speakers(plan.test),
        counts: { train: outcome.train.length, validation: outcome.validation.length, test: plan.test.length },
        epochsRun: outcome.epochsRun,
        bestEpoch: outcome.bestEpoch,
        bestValidationLoss: outcome.bestValidationLoss,
        report,
      });
      events.onFold({ repeat, fold: foldIndex, totalFolds: folds.length, wa: report.wa, ua: report.ua });
    }
  }
  return results;
}

/** The run's evaluation artifact from its fold results. */
export function buildEvaluation(
  runId: string,
  config: ProtocolConfig,
  classes: readonly string[],
  folds: FoldResult[],
  finalModel: RunEvaluation['finalModel'],
): RunEvaluation {
  return {
    runId,
    method: config.method,
    protocol: config.protocol,
    classes: [...classes],
    datasetVersionId: config.datasetVersionId,
    pretrainedCheckpointId: config.pretrainedCheckpointId ?? null,
    folds,
    ...summarise(folds),
    finalModel,
  };
}

/** Index of the largest value. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
