// The model card of a registered run's kept model: what the registry says (name, version), what the kept model
// says (kind, labels, input), what the run's evaluation says (protocol, scores, the kept fold), and what the data
// was. Written beside the model as model-card.{json,md} (@ser/model-artifacts).
import type { ArtifactStore } from '@ser/artifacts';
import { inputSignatureOf, readKeptModel, writeModelCard, type KeptModel, type ModelCard } from '@ser/model-artifacts';
import type { ReadOnlyStore } from '@ser/store';
import type { RegisteredRunModel } from './register-run-model';
import type { RunEvaluation } from '../run/evaluation';

export interface ModelCardDeps {
  store: ReadOnlyStore;
  artifacts: ArtifactStore;
}

const pct = (v: number) => `${(100 * v).toFixed(0)}%`;

/** Limits that follow from the model and its evaluation alone; a run's own `knownLimits` come first. */
export function derivedLimits(model: KeptModel, evaluation: RunEvaluation, keptFold: RunEvaluation['folds'][number]): string[] {
  const limits = [`It predicts only its ${model.classes.length} classes (${model.classes.join(', ')}); any other emotion is scored as one of them.`];
  const speakers = keptFold.testSpeakers.length;
  const crossCorpus = evaluation.protocol.kind === 'cross-corpus';
  limits.push(
    crossCorpus
      ? `Its scores come from ${speakers} speaker(s) of another corpus than the one it trained on (cross-corpus); languages, microphones and real-world noise beyond those corpora are unmeasured.`
      : speakers > 0
        ? `Its scores come from ${speakers} held-out speaker(s) of one dataset; other corpora, languages, microphones and real-world noise are unmeasured.`
        : `It was tested on utterances of speakers it also trained on (protocol ${evaluation.protocol.kind}): expect lower scores on new voices.`,
  );
  const unmeasured = model.classes.filter((c) => keptFold.report.perClassRecall[c] === null);
  if (unmeasured.length > 0) limits.push(`The kept fold had no test utterances of ${unmeasured.join(', ')}: those recalls are unmeasured.`);
  const weak = model.classes.filter((c) => (keptFold.report.perClassRecall[c] ?? 1) < 1 / model.classes.length);
  if (weak.length > 0)
    limits.push(`Recall below chance on the kept fold for ${weak.map((c) => `${c} (${pct(keptFold.report.perClassRecall[c]!)})`).join(', ')}.`);
  if (model.kind === 'fop-hypercolumn-classical')
    limits.push('An SVM or random forest gives one class with probability 1: its probabilities are not calibrated confidences.');
  return limits;
}

/** Builds the card of a registered version from its run's evaluation and writes it beside the model. */
export async function writeRunModelCard(
  deps: ModelCardDeps,
  version: Omit<RegisteredRunModel, 'id'>,
  evaluation: RunEvaluation,
  knownLimits: readonly string[] = [],
): Promise<ModelCard> {
  const { store, artifacts } = deps;
  const model = await readKeptModel(artifacts, version.artifactKey);
  const kept = evaluation.folds.find((f) => f.repeat === evaluation.finalModel.repeat && f.fold === evaluation.finalModel.fold);
  if (!kept)
    throw new Error(`run ${evaluation.runId}'s evaluation has no fold ${evaluation.finalModel.repeat}/${evaluation.finalModel.fold}, the kept model's`);
  const dataset = await store.datasets.getVersion(evaluation.datasetVersionId);
  const card: ModelCard = {
    cardVersion: 1,
    model: {
      name: version.modelName,
      version: version.version,
      kind: model.kind,
      method: evaluation.method,
      runId: evaluation.runId,
      artifactKey: version.artifactKey,
    },
    data: {
      datasetVersionId: evaluation.datasetVersionId,
      datasetName: dataset?.datasetName ?? null,
      datasetVersion: dataset?.version ?? null,
      format: dataset?.format ?? null,
      utterances: dataset?.utteranceCount ?? null,
      speakers: dataset ? Object.keys(dataset.speakerCounts).length : null,
      classCounts: dataset?.classCounts ?? {},
    },
    protocol: evaluation.protocol,
    evaluation: {
      repeats: evaluation.repeats.length,
      wa: evaluation.summary.wa,
      ua: evaluation.summary.ua,
      macroF1: evaluation.summary.macroF1,
      perClassRecall: evaluation.summary.perClassRecall,
      keptFold: {
        repeat: kept.repeat,
        fold: kept.fold,
        name: kept.name,
        testSpeakers: kept.testSpeakers,
        wa: kept.report.wa,
        ua: kept.report.ua,
        perClassRecall: kept.report.perClassRecall,
      },
    },
    labels: [...model.classes],
    input: inputSignatureOf(model),
    lineage: {
      pretrainedCheckpointId: model.kind === 'sequence-model' ? null : model.lineage.pretrainedCheckpointId,
      vqvaeCheckpointId: model.kind === 'sequence-model' ? model.lineage.vqvaeCheckpointId : null,
    },
    knownLimits: [...knownLimits, ...derivedLimits(model, evaluation, kept)],
    createdAt: new Date().toISOString(),
  };
  return writeModelCard(artifacts, version.artifactKey, card);
}
