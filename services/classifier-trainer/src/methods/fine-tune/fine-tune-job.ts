import { classWeights, type EvaluationItem } from '@ser/evaluation';
import { writeKeptModel } from '@ser/model-artifacts';
import { saveVariables } from '@ser/models';
import type { FineTuneRunConfig } from '../../run/classifier-config';
import type { FopJob } from '../fop-prepare';
import type { RunEvaluation } from '../../run/evaluation';
import { modelPrefix, type ClassifierJobEvents } from '../../run/job-events';
import { disposeClassifier, trainFold, type LabelledSet } from './fine-tune-fold';
import { buildEvaluation, carveFoldValidation, earlyStoppedOutcome, runProtocol } from '../../run/fold-loop';
import { predictProbabilities } from '../../run/predict';

/** Labelled utterances and their log-mel features [frames * nMels], same order; pre-trained weights or none. */
export type FineTuneJob = FopJob<FineTuneRunConfig>;

const FINAL_MODEL_NOTE = "the last repeat's first fold, at its best validation epoch";

/**
 * Every repeat x fold of the protocol: carve validation speakers from the fold's training speakers, fine-tune,
 * classify the test utterances whole, evaluate. Returns the evaluation, or null when cancelled.
 */
export async function runFineTuneJob(job: FineTuneJob, events: ClassifierJobEvents): Promise<RunEvaluation | null> {
  const { config, items, classes } = job;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const sequenceOf = new Map(items.map((item, i) => [item.utteranceId, job.sequences[i]!]));
  const toSet = (part: readonly EvaluationItem[]): LabelledSet => ({
    sequences: part.map((item) => sequenceOf.get(item.utteranceId)!),
    labels: part.map((item) => classIndex.get(item.label)!),
  });
  let finalModel: RunEvaluation['finalModel'] | undefined;
  const folds = await runProtocol(config, items, classes, events, async (plan) => {
    const split = carveFoldValidation(plan, config);
    const weights = classWeights(
      split.train.map((i) => i.label),
      classes,
      config.classWeights,
    );
    const trained = await trainFold(
      {
        config,
        fopConfig: job.fopConfig,
        numClasses: classes.length,
        pretrained: job.pretrained,
        classWeights: classes.map((c) => weights[c]!),
        train: toSet(split.train),
        validation: toSet(split.validation),
        seed: plan.seed,
      },
      { shouldCancel: events.shouldCancel, onEpoch: (e) => events.onEpoch({ ...e, repeat: plan.repeat, fold: plan.fold, totalFolds: plan.totalFolds }) },
    );
    try {
      if (trained.status === 'cancelled') return null;
      const probabilities = predictProbabilities(trained.classifier, toSet(plan.test).sequences, config.batchSize);
      if (plan.keepModel) {
        const artifactKey = await saveModel(job, trained.classifier.variables, trained.bestEpoch);
        finalModel = { artifactKey, repeat: plan.repeat, fold: plan.fold, note: FINAL_MODEL_NOTE };
        events.onModelSaved({ artifactKey, bestEpoch: trained.bestEpoch, validationLoss: trained.bestValidationLoss });
      }
      return earlyStoppedOutcome(split, probabilities, classes, trained);
    } finally {
      disposeClassifier(trained.classifier);
    }
  });
  return folds && buildEvaluation(job.runId, config, classes, folds, finalModel!);
}

/** models/<runId>/{weights.safetensors, model.json} (@ser/model-artifacts): what inference needs to rebuild the classifier. */
async function saveModel(job: FineTuneJob, variables: Parameters<typeof saveVariables>[0], bestEpoch: number): Promise<string> {
  const prefix = modelPrefix(job.runId);
  await writeKeptModel(job.artifacts, prefix, {
    kind: 'fop-classifier',
    fop: job.fopConfig,
    classes: job.classes,
    weights: saveVariables(variables),
    bestEpoch,
    lineage: { runId: job.runId, datasetVersionId: job.config.datasetVersionId, pretrainedCheckpointId: job.config.pretrainedCheckpointId ?? null },
  });
  return prefix;
}
