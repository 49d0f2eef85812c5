// One fold of a sequence-model run: the CNN (+ fusion) and the sequence model trained end to end on whole
// utterances' segment sequences, class-weighted cross-entropy, Adadelta or Adam, early stopping on the
// validation utterances; the best validation epoch's weights are kept.
import * as tf from '@tensorflow/tfjs';
import type { StandardizerState } from '@ser/classical';
import { chunked, createAdadelta, createAdam, mixSeed, shuffledBatches, trainWithEarlyStopping, weightedSoftmaxCrossEntropy } from '@ser/models';
import type { SequenceModelRunConfig } from '../../run/classifier-config';
import { trainFoldModel, type EarlyStoppedFold, type FoldTrainingEvents } from '../../run/fold-training';
import { weightedCrossEntropy } from '../../run/predict';
import { createSequenceNetwork, type SequenceNetwork, type SequenceNetworkConfig } from './sequence-network';
import { latentBatch, segmentBatch, trainingWindow, windowOf, type SegmentSequence, type SegmentShape } from './sequence-segments';

/** What a fold trains and predicts on: every utterance of the run by row; splits name rows. */
export interface SequenceData {
  sequences: readonly SegmentSequence[];
  /** Per-row VQ-VAE latents ('fusion' runs). */
  latents?: readonly Float32Array[];
  latentUnits?: number;
  labels: readonly number[];
  shape: SegmentShape;
  /** Per-bin z-scoring of the CNN's input (the fold's training utterances' statistics). */
  stats: StandardizerState;
}

export interface SequenceFoldTraining {
  config: SequenceModelRunConfig;
  network: SequenceNetworkConfig;
  data: SequenceData;
  train: number[];
  validation: number[];
  classWeights: number[];
  seed: number;
}

export interface SequenceFoldTrained extends EarlyStoppedFold {
  /** Restored to the best validation epoch; the caller disposes it. */
  network: SequenceNetwork;
}

/** The fused optimizers (one pass of kernels over all variables), with tfjs's steps and defaults. */
export function createOptimizer(config: SequenceModelRunConfig): tf.Optimizer {
  // epsilon 1e-7: what tf.train.adam used here before (the backend's float32 epsilon), so runs keep their steps.
  if (config.optimizer === 'adam') return createAdam({ learningRate: config.learningRate ?? 1e-3, epsilon: 1e-7 });
  return createAdadelta({ learningRate: config.learningRate ?? 1 }); // lr 1.0, rho 0.95, eps 1e-7: Keras' Adadelta defaults
}

function logits(network: SequenceNetwork, data: SequenceData, rows: readonly number[], options: { training: boolean; seed?: number }): tf.Tensor2D {
  const { segments, lengths } = segmentBatch(data.sequences, rows, data.shape, data.stats);
  const latent = data.latents ? latentBatch(data.latents, rows, data.latentUnits!) : undefined;
  return network.forward(segments, lengths, latent, options);
}

/**
 * The training batch's view of `rows`: each utterance longer than maxSegments cut to a window drawn from the step's
 * seed (bounds a batch's memory and time); evaluation reads whole utterances through logits().
 */
export function trainingLogits(network: SequenceNetwork, data: SequenceData, rows: readonly number[], maxSegments: number, seed: number): tf.Tensor2D {
  const units = data.latentUnits ?? 0;
  const windows = rows.map((r, i) => trainingWindow(data.sequences[r]!.count, maxSegments, mixSeed(seed, i)));
  const cropped: SequenceData = {
    ...data,
    sequences: rows.map((r, i) => windowOf(data.sequences[r]!, windows[i]!, data.shape)),
    latents: data.latents && rows.map((r, i) => data.latents![r]!.subarray(windows[i]!.start * units, (windows[i]!.start + windows[i]!.count) * units)),
  };
  return logits(
    network,
    cropped,
    rows.map((_, i) => i),
    { training: true, seed },
  );
}

/** Class probabilities of the given rows, inference mode, batches of similar lengths. */
export function predictSequences(network: SequenceNetwork, data: SequenceData, rows: readonly number[], batchSize: number): number[][] {
  const order = rows.map((_, i) => i).sort((a, b) => data.sequences[rows[a]!]!.count - data.sequences[rows[b]!]!.count);
  const out: number[][] = new Array(rows.length);
  for (const chunk of chunked(order, batchSize)) {
    const probabilities = tf.tidy(
      () =>
        tf
          .softmax(
            logits(
              network,
              data,
              chunk.map((i) => rows[i]!),
              { training: false },
            ),
          )
          .arraySync() as number[][],
    );
    chunk.forEach((i, j) => (out[i] = probabilities[j]!));
  }
  return out;
}

export async function trainSequenceFold(job: SequenceFoldTraining, events: FoldTrainingEvents): Promise<SequenceFoldTrained> {
  const { config, data } = job;
  const network = createSequenceNetwork(job.network, job.seed);
  const optimizer = createOptimizer(config);
  return trainFoldModel(
    optimizer,
    () => network.dispose(),
    async () => {
      const validationLabels = job.validation.map((r) => data.labels[r]!);
      const result = await trainWithEarlyStopping({
        variables: network.variables,
        optimizer,
        epochs: config.epochs,
        seed: job.seed,
        batches: (epoch) => shuffledBatches(job.train.length, config.batchSize, mixSeed(job.seed, epoch)).map((b) => b.map((i) => job.train[i]!)),
        lossFn: (rows, ctx) =>
          weightedSoftmaxCrossEntropy(
            trainingLogits(network, data, rows, config.maxSegments, ctx.seed),
            rows.map((r) => data.labels[r]!),
            job.classWeights,
          ),
        patience: config.patience,
        validate: () => weightedCrossEntropy(predictSequences(network, data, job.validation, config.batchSize), validationLabels, job.classWeights),
        onEpochEnd: events.onEpoch,
        shouldCancel: events.shouldCancel,
      });
      return { network, ...result };
    },
  );
}
