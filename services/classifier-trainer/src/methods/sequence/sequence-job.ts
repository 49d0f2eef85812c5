// A sequence-model run (TACN paper Tables 1 and 2): every repeat x fold of the protocol — for 'fusion', a fresh
// copy of the pre-trained VQ-VAE fine-tuned on the fold's training utterances gives every segment its latent —
// then the CNN (+ fusion) and the sequence model train end to end and classify the test utterances.
import type { ArtifactStore } from '@ser/artifacts';
import { classWeights, type EvaluationItem } from '@ser/evaluation';
import type { SequenceModelRunConfig } from '../../run/classifier-config';
import type { RunEvaluation } from '../../run/evaluation';
import type { ClassifierJobEvents } from '../../run/job-events';
import { buildEvaluation, carveFoldValidation, earlyStoppedOutcome, type FoldPlan, runProtocol } from '../../run/fold-loop';
import { predictSequences, trainSequenceFold, type SequenceData } from './sequence-fold';
import { saveSequenceModel } from './sequence-model-file';
import { representSequences, saveRepresentations, type UtteranceRepresentation } from './sequence-representations';
import { resolveNetworkConfig } from './sequence-network';
import { binStatistics, selectSegments, type SegmentSequence, type SegmentShape } from './sequence-segments';
import { foldLatents, type FoldLatents, type VqvaeSource } from './sequence-vqvae';
import { STORED_SEGMENT_HOP } from '../../run/classifier-config';

export interface SequenceJob {
  runId: string;
  config: SequenceModelRunConfig;
  /** Labelled utterances and their stored spectrogram segments [segments * frames * bins], same order. */
  items: EvaluationItem[];
  sequences: Float32Array[];
  shape: SegmentShape;
  classes: string[];
  /** The pre-trained VQ-VAE ('fusion' runs). */
  vqvae?: VqvaeSource;
  artifacts: ArtifactStore;
}

const FINAL_MODEL_NOTE = "the last repeat's first fold, at its best validation epoch";

/** Every repeat x fold; the evaluation, or null when cancelled. */
export async function runSequenceJob(job: SequenceJob, events: ClassifierJobEvents): Promise<RunEvaluation | null> {
  const { config, classes, shape } = job;
  if (config.features === 'fusion' && !job.vqvae) throw new Error("a 'fusion' run needs the weights of its VQ-VAE checkpoint");
  const size = shape.frames * shape.bins;
  const sequences: SegmentSequence[] = job.sequences.map((stored, i) => {
    if (stored.length === 0 || stored.length % size !== 0)
      throw new Error(`utterance ${job.items[i]!.utteranceId}: ${stored.length} values are not whole ${shape.frames}x${shape.bins} segments`);
    return selectSegments(stored, shape, config.segmentHop / STORED_SEGMENT_HOP); // whole: training crops to maxSegments per batch
  });
  const rowOf = new Map(job.items.map((item, i) => [item.utteranceId, i]));
  const rows = (part: readonly EvaluationItem[]) => part.map((item) => rowOf.get(item.utteranceId)!);
  const labels = job.items.map((item) => classes.indexOf(item.label));
  // The evaluation names the VQ-VAE checkpoint as the run's pre-trained checkpoint.
  const protocolConfig = { ...config, pretrainedCheckpointId: config.vqvaeCheckpointId };
  let finalModel: RunEvaluation['finalModel'] | undefined;
  const representations: UtteranceRepresentation[] = [];

  const trainFold = async (plan: FoldPlan) => {
    const split = carveFoldValidation(plan, config);
    let latents: FoldLatents | null = null;
    if (job.vqvae) {
      latents = await foldLatents(job.vqvae, sequences, rows(plan.train), {
        epochs: config.vqvaeFineTuneEpochs,
        batchSize: config.batchSize,
        seed: plan.seed,
        shouldCancel: events.shouldCancel,
      });
      if (!latents) return null;
    }
    const train = rows(split.train);
    const data: SequenceData = {
      sequences,
      labels,
      shape,
      stats: binStatistics(
        train.map((r) => sequences[r]!),
        shape.bins,
      ),
      latents: latents?.latents,
      latentUnits: latents?.latentUnits,
    };
    const weights = classWeights(
      split.train.map((i) => i.label),
      classes,
      config.classWeights,
    );
    const trained = await trainSequenceFold(
      {
        config,
        network: resolveNetworkConfig(config, classes.length, latents?.latentUnits ?? null),
        data,
        train,
        validation: rows(split.validation),
        classWeights: classes.map((c) => weights[c]!),
        seed: plan.seed,
      },
      { shouldCancel: events.shouldCancel, onEpoch: (e) => events.onEpoch({ ...e, repeat: plan.repeat, fold: plan.fold, totalFolds: plan.totalFolds }) },
    );
    try {
      if (trained.status === 'cancelled') return null;
      const probabilities = predictSequences(trained.network, data, rows(plan.test), config.batchSize);
      if (plan.repeat === 0) representations.push(...representSequences(trained.network, data, plan.test, rows(plan.test), config.batchSize));
      if (plan.keepModel) {
        const vqvae = job.vqvae && latents ? { source: job.vqvae, weights: latents.weights } : undefined;
        const artifactKey = await saveSequenceModel(job.artifacts, {
          ...job,
          shape,
          standardizer: data.stats,
          network: trained.network,
          bestEpoch: trained.bestEpoch,
          vqvae,
        });
        finalModel = { artifactKey, repeat: plan.repeat, fold: plan.fold, note: FINAL_MODEL_NOTE };
        events.onModelSaved({ artifactKey, bestEpoch: trained.bestEpoch, validationLoss: trained.bestValidationLoss });
      }
      return earlyStoppedOutcome(split, probabilities, classes, trained);
    } finally {
      trained.network.dispose();
    }
  };

  const folds = await runProtocol(protocolConfig, job.items, classes, events, trainFold);
  if (!folds) return null;
  await saveRepresentations(job.artifacts, { runId: job.runId, features: config.features, repeat: 0, utterances: representations });
  return buildEvaluation(job.runId, protocolConfig, classes, folds, finalModel!);
}
