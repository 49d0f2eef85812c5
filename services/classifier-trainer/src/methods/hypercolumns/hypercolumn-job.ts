// A hypercolumn run (FOP paper Table 2): the frozen pre-trained FOP turns every utterance into hypercolumns ONCE,
// then each repeat x fold trains an SVM, a random forest or an attention-LSTM on them and classifies the test
// speakers' utterances.
import { createClassicalClassifier, searchSvm, type ClassicalClassifierConfig, type FeatureRows } from '@ser/classical';
import { classWeights, type EvaluationItem } from '@ser/evaluation';
import { createFop, loadVariables, saveVariables, type SavedTensors } from '@ser/models';
import type { HypercolumnRunConfig } from '../../run/classifier-config';
import type { FopJob } from '../fop-prepare';
import type { RunEvaluation } from '../../run/evaluation';
import type { ClassifierJobEvents } from '../../run/job-events';
import { buildEvaluation, carveFoldValidation, earlyStoppedOutcome, type FoldOutcome, type FoldPlan, runProtocol } from '../../run/fold-loop';
import { normalizedRows, servedClassifier } from './feature-normalization';
import { extractHypercolumns, type ExtractedHypercolumns } from './hypercolumn-extract';
import { predictLstm, trainLstmFold } from './hypercolumn-lstm';
import { saveHypercolumnModel, type KeptModelContext } from './hypercolumn-model';

/** Labelled log-mel features and the pre-training checkpoint's weights (absent only for representation F). */
export type HypercolumnJob = FopJob<HypercolumnRunConfig>;

const FINAL_MODEL_NOTE = "the last repeat's first fold";

/** Every repeat x fold on hypercolumns extracted once; the evaluation, or null when cancelled. */
export async function runHypercolumnJob(job: HypercolumnJob, events: ClassifierJobEvents): Promise<RunEvaluation | null> {
  const { config, classes } = job;
  const pretrained = job.pretrained ?? unreadFopWeights(job);
  const features = extractFrozen(job, pretrained);
  const rowOf = new Map(job.items.map((item, i) => [item.utteranceId, i]));
  const rows = (part: readonly EvaluationItem[]) => part.map((item) => rowOf.get(item.utteranceId)!);
  const labelsOf = (part: readonly EvaluationItem[]) => part.map((item) => classes.indexOf(item.label));
  const weightsFor = (train: readonly EvaluationItem[]) => {
    const weights = classWeights(
      train.map((i) => i.label),
      classes,
      config.classWeights,
    );
    return classes.map((c) => weights[c]!);
  };
  const kept: KeptModelContext = { ...job, pretrained };
  let finalModel: RunEvaluation['finalModel'] | undefined;
  const keep = async (plan: FoldPlan, save: () => Promise<string>, bestEpoch: number, validationLoss: number | null) => {
    if (!plan.keepModel) return;
    const artifactKey = await save();
    finalModel = { artifactKey, repeat: plan.repeat, fold: plan.fold, note: FINAL_MODEL_NOTE };
    events.onModelSaved({ artifactKey, bestEpoch, validationLoss });
  };

  const classicalFold = async (plan: FoldPlan): Promise<FoldOutcome> => {
    // Nothing stops early, so the classifier learns from all of the fold's training speakers.
    const rawTrainRows = rows(plan.train).map((r) => features.pooled[r]!);
    const trainRows = normalizedRows(config, plan.train, rawTrainRows);
    const weights = weightsFor(plan.train);
    const tuned = tunedSvm(
      config,
      trainRows,
      labelsOf(plan.train),
      plan.train.map((item) => item.speaker),
      weights,
    );
    const classifier = createClassicalClassifier(classicalConfig({ ...config, svm: { ...config.svm, ...tuned } }, weights, plan.seed));
    try {
      classifier.fit(trainRows, labelsOf(plan.train));
      const testRows = normalizedRows(
        config,
        plan.test,
        rows(plan.test).map((r) => features.pooled[r]!),
      );
      const predicted = classifier.predict(testRows).map((c) => classes[c]!);
      const served = () => servedClassifier(config, classifier.toJSON(), rawTrainRows);
      await keep(plan, () => saveHypercolumnModel(kept, { kind: 'classical', classifier: served() }), 0, null);
      return { train: plan.train, validation: [], predicted, epochsRun: 0, bestEpoch: -1, bestValidationLoss: null };
    } finally {
      classifier.dispose();
    }
  };

  const lstmFold = async (plan: FoldPlan): Promise<FoldOutcome | null> => {
    const split = carveFoldValidation(plan, config);
    // Training and validation read each utterance's first maxFrames frames (bounds the LSTM's time per batch); the
    // test utterances are classified whole, length-masked, as the served model classifies them.
    const { maxFrames } = config.attentionLstm;
    const firstFrames = (sequence: Float32Array) => sequence.subarray(0, Math.min(sequence.length, maxFrames * features.dim));
    const set = (part: readonly EvaluationItem[], whole = false) => ({
      sequences: rows(part).map((r) => (whole ? features.sequences![r]! : firstFrames(features.sequences![r]!))),
      labels: labelsOf(part),
    });
    const trained = await trainLstmFold(
      {
        config: config.attentionLstm,
        dim: features.dim,
        numClasses: classes.length,
        classWeights: weightsFor(split.train),
        train: set(split.train),
        validation: set(split.validation),
        seed: plan.seed,
      },
      { shouldCancel: events.shouldCancel, onEpoch: (e) => events.onEpoch({ ...e, repeat: plan.repeat, fold: plan.fold, totalFolds: plan.totalFolds }) },
    );
    try {
      if (trained.status === 'cancelled') return null;
      const probabilities = predictLstm(trained.model, trained.standardizer, set(plan.test, true).sequences, config.attentionLstm.batchSize);
      const saved = { kind: 'attention-lstm' as const, model: trained.model, standardizer: trained.standardizer, bestEpoch: trained.bestEpoch };
      await keep(plan, () => saveHypercolumnModel(kept, saved), trained.bestEpoch, trained.bestValidationLoss);
      return earlyStoppedOutcome(split, probabilities, classes, trained);
    } finally {
      trained.model.dispose();
    }
  };

  const folds = await runProtocol(config, job.items, classes, events, config.classifier === 'attention-lstm' ? lstmFold : classicalFold);
  return folds && buildEvaluation(job.runId, config, classes, folds, finalModel!);
}

/**
 * The FOP weights of a run without a checkpoint, which only representation F may be (the config schema refuses the
 * others): F is the log-mel frames themselves, so these seeded random weights are never read. They keep the run's
 * model an ordinary hypercolumn model, which inference loads and serves as it serves the others.
 */
function unreadFopWeights(job: HypercolumnJob): SavedTensors {
  if (job.config.representation !== 'F') throw new Error(`representation ${job.config.representation} needs the weights of a pre-training checkpoint`);
  const fop = createFop(job.fopConfig, job.config.seed);
  try {
    return saveVariables(fop.variables);
  } finally {
    fop.dispose();
  }
}

/** The frozen FOP with the checkpoint's weights, run once over every utterance, then freed. */
function extractFrozen(job: HypercolumnJob, pretrained: SavedTensors): ExtractedHypercolumns {
  const fop = createFop(job.fopConfig, job.config.seed);
  try {
    loadVariables(fop.variables, pretrained);
    const lstm = job.config.classifier === 'attention-lstm';
    return extractHypercolumns(fop, job.sequences, { representation: job.config.representation, keepSequences: lstm, pooling: job.config.pooling });
  } finally {
    fop.dispose();
  }
}

/** C and gamma chosen on the fold's training speakers when the run asks for a search; nothing to override otherwise. */
function tunedSvm(
  config: HypercolumnRunConfig,
  X: FeatureRows,
  y: number[],
  speakers: string[],
  weights: readonly number[],
): { C: number; gamma: number } | Record<string, never> {
  if (config.classifier !== 'svm' || !config.svm.search) return {};
  // Searched with the class weights the final fit uses, so C is chosen for the model that is kept.
  const { C, gamma } = searchSvm(X, y, speakers, config.svm.search, {
    kernel: config.svm.kernel,
    classWeights: Object.fromEntries(weights.map((w, i) => [i, w])),
  });
  return { C, gamma };
}

/** The run's SVM / forest settings as a @ser/classical config; class weights are keyed by class index. */
export function classicalConfig(config: HypercolumnRunConfig, weights: readonly number[], seed: number): ClassicalClassifierConfig {
  const byIndex = Object.fromEntries(weights.map((w, i) => [i, w]));
  if (config.classifier === 'svm') {
    const { search: _search, ...svm } = config.svm;
    return { kind: 'svm', ...svm, classWeights: byIndex };
  }
  return { kind: 'random-forest', ...config.randomForest, classWeights: byIndex, seed };
}
