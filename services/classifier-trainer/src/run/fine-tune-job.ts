import type { ArtifactStore } from '@ser/artifacts';
import { carveValidation, classWeights, evaluate, isSpeakerIndependent, makeFolds, selectItems, type EvaluationItem } from '@ser/evaluation';
import { saveVariables, type FopConfig, type SavedTensors } from '@ser/models';
import type { ClassifierRunConfig } from './classifier-config';
import { summarise, type FoldResult, type RunEvaluation } from './evaluation';
import { disposeClassifier, trainFold, type FoldEpoch, type LabelledSet } from './fine-tune-fold';
import { predictProbabilities } from './predict';

export interface FineTuneJob {
  runId: string;
  config: ClassifierRunConfig;
  fopConfig: FopConfig;
  /** Labelled utterances and their log-mel features [frames * nMels], same order. */
  items: EvaluationItem[];
  sequences: Float32Array[];
  /** Class names in output order. */
  classes: string[];
  pretrained?: SavedTensors;
  artifacts: ArtifactStore;
}

export interface FineTuneEvents {
  onEpoch(e: FoldEpoch & { repeat: number; fold: number; totalFolds: number }): void;
  onFold(f: { repeat: number; fold: number; totalFolds: number; wa: number; ua: number }): void;
  /** After the model kept for serving is written. */
  onModelSaved(m: { artifactKey: string; bestEpoch: number; validationLoss: number }): void;
  shouldCancel(): boolean;
}

export const modelPrefix = (runId: string) => `models/${runId}`;
const FINAL_MODEL_NOTE = "the last repeat's first fold, at its best validation epoch";

/**
 * Every repeat x fold of the protocol: carve validation speakers from the fold's training speakers, fine-tune,
 * classify the test utterances whole, evaluate. Returns the evaluation, or null when cancelled.
 */
export async function runFineTuneJob(job: FineTuneJob, events: FineTuneEvents): Promise<RunEvaluation | null> {
  const { config, items, classes } = job;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const sequenceOf = new Map(items.map((item, i) => [item.utteranceId, job.sequences[i]!]));
  const toSet = (part: readonly EvaluationItem[]): LabelledSet => ({
    sequences: part.map((item) => sequenceOf.get(item.utteranceId)!),
    labels: part.map((item) => classIndex.get(item.label)!),
  });
  const results: FoldResult[] = [];
  let finalModel: RunEvaluation['finalModel'] | undefined;
  for (let repeat = 0; repeat < config.repeats; repeat++) {
    const seed = config.seed + repeat;
    const folds = makeFolds(items, config.protocol, seed);
    for (const [foldIndex, fold] of folds.entries()) {
      if (events.shouldCancel()) return null;
      const split = carveValidation(selectItems(items, fold.train), { fraction: config.validationFraction, seed, bySpeaker: isSpeakerIndependent(config.protocol) });
      const test = selectItems(items, fold.test);
      const weights = classWeights(split.train.map((i) => i.label), classes, config.classWeights);
      const trained = await trainFold(
        { config, fopConfig: job.fopConfig, numClasses: classes.length, pretrained: job.pretrained, classWeights: classes.map((c) => weights[c]!), train: toSet(split.train), validation: toSet(split.validation), seed },
        { shouldCancel: events.shouldCancel, onEpoch: (e) => events.onEpoch({ ...e, repeat, fold: foldIndex, totalFolds: folds.length }) },
      );
      try {
        if (trained.status === 'cancelled') return null;
        const probabilities = predictProbabilities(trained.classifier, toSet(test).sequences, config.batchSize);
        const predicted = probabilities.map((p) => classes[argmax(p)]!);
        const report = evaluate(test.map((i) => i.label), predicted, classes);
        const speakers = (part: readonly EvaluationItem[]) => [...new Set(part.map((i) => i.speaker))].sort();
        results.push({
          repeat,
          fold: foldIndex,
          name: fold.name,
          seed,
          trainSpeakers: speakers(split.train),
          validationSpeakers: speakers(split.validation),
          testSpeakers: speakers(test),
          counts: { train: split.train.length, validation: split.validation.length, test: test.length },
          epochsRun: trained.history.length,
          bestEpoch: trained.bestEpoch,
          bestValidationLoss: trained.bestValidationLoss,
          report,
        });
        events.onFold({ repeat, fold: foldIndex, totalFolds: folds.length, wa: report.wa, ua: report.ua });
        if (repeat === config.repeats - 1 && foldIndex === 0) {
          const artifactKey = await saveModel(job, trained.classifier.variables, trained.bestEpoch);
          finalModel = { artifactKey, repeat, fold: foldIndex, note: FINAL_MODEL_NOTE };
          events.onModelSaved({ artifactKey, bestEpoch: trained.bestEpoch, validationLoss: trained.bestValidationLoss });
        }
      } finally {
        disposeClassifier(trained.classifier);
      }
    }
  }
  return {
    runId: job.runId,
    method: config.method,
    protocol: config.protocol,
    classes,
    datasetVersionId: config.datasetVersionId,
    pretrainedCheckpointId: config.pretrainedCheckpointId ?? null,
    folds: results,
    ...summarise(results),
    finalModel: finalModel!,
  };
}

/** models/<runId>/{weights.bin, model.json}: what inference needs to rebuild the classifier. */
async function saveModel(job: FineTuneJob, variables: Parameters<typeof saveVariables>[0], bestEpoch: number): Promise<string> {
  const prefix = modelPrefix(job.runId);
  const { data, manifest } = saveVariables(variables);
  await job.artifacts.put(`${prefix}/weights.bin`, data);
  const meta = {
    kind: 'fop-classifier',
    fop: job.fopConfig,
    classes: job.classes,
    weights: { manifest },
    bestEpoch,
    lineage: { runId: job.runId, datasetVersionId: job.config.datasetVersionId, pretrainedCheckpointId: job.config.pretrainedCheckpointId ?? null },
  };
  // Written last: a model.json only exists beside complete weights.
  await job.artifacts.put(`${prefix}/model.json`, Buffer.from(JSON.stringify(meta, null, 2)));
  return prefix;
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
