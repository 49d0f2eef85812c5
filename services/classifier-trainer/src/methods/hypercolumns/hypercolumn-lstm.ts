// The attention-LSTM on hypercolumn sequences for one fold: frame features z-scored with the training split's
// statistics, Adam, class-weighted cross-entropy, early stopping on the validation split; the best epoch's
// weights are kept.
import * as tf from '@tensorflow/tfjs';
import type { StandardizerState } from '@ser/classical';
import { attentionLstmLoss, chunked, createAdam, createAttentionLstm, mixSeed, shuffledBatches, trainWithEarlyStopping, type AttentionLstm } from '@ser/models';
import type { HypercolumnRunConfig } from '../../run/classifier-config';
import { trainFoldModel, type EarlyStoppedFold, type FoldTrainingEvents } from '../../run/fold-training';
import { frameStatistics } from '../../run/frame-statistics';
import { weightedCrossEntropy } from '../../run/predict';

/** Hypercolumn sequences [frames * dim] of one split and their class indices, same order. */
export interface SequenceSet {
  sequences: Float32Array[];
  labels: number[];
}

export interface LstmFoldTraining {
  config: HypercolumnRunConfig['attentionLstm'];
  dim: number;
  numClasses: number;
  classWeights: number[];
  train: SequenceSet;
  validation: SequenceSet;
  seed: number;
}

export type LstmFoldTrained = EarlyStoppedFold & { model: AttentionLstm; standardizer: StandardizerState };

/** A right-padded, z-scored batch of sequences: [rows, longest, dim] and each row's real length. */
function batchTensor(
  sequences: readonly Float32Array[],
  rows: readonly number[],
  dim: number,
  stats: StandardizerState,
): { x: tf.Tensor3D; lengths: number[] } {
  const lengths = rows.map((i) => sequences[i]!.length / dim);
  const longest = Math.max(...lengths);
  const values = new Float32Array(rows.length * longest * dim);
  rows.forEach((source, row) => {
    const s = sequences[source]!;
    const offset = row * longest * dim;
    for (let i = 0; i < s.length; i++) values[offset + i] = (s[i]! - stats.mean[i % dim]!) / stats.std[i % dim]!;
  });
  return { x: tf.tensor3d(values, [rows.length, longest, dim]), lengths };
}

/** Class probabilities of whole sequences, inference mode; batches grouped by length to pad little. */
export function predictLstm(model: AttentionLstm, stats: StandardizerState, sequences: readonly Float32Array[], batchSize: number): number[][] {
  const dim = model.config.inputDim;
  const order = sequences.map((_, i) => i).sort((a, b) => sequences[a]!.length - sequences[b]!.length);
  const out: number[][] = new Array(sequences.length);
  for (const rows of chunked(order, batchSize)) {
    const probabilities = tf.tidy(() => {
      const { x, lengths } = batchTensor(sequences, rows, dim, stats);
      return model.forward(x, { training: false, lengths }).probabilities.arraySync(); // [rows, classes]
    });
    rows.forEach((source, row) => (out[source] = probabilities[row]!));
  }
  return out;
}

/** Trains one fold's attention-LSTM; the caller disposes `model`. */
export async function trainLstmFold(job: LstmFoldTraining, events: FoldTrainingEvents): Promise<LstmFoldTrained> {
  const { config, train, validation, dim } = job;
  const standardizer = frameStatistics(train.sequences, dim); // training split only: nothing of validation or test leaks in
  const model = createAttentionLstm(
    { inputDim: dim, numClasses: job.numClasses, units: config.units, attentionUnits: config.attentionUnits, dropout: config.dropout },
    job.seed,
  );
  const optimizer = createAdam({ learningRate: config.learningRate });
  return trainFoldModel(
    optimizer,
    () => model.dispose(),
    async () => {
      const result = await trainWithEarlyStopping({
        variables: model.variables,
        optimizer,
        epochs: config.epochs,
        seed: job.seed,
        batches: (epoch) => shuffledBatches(train.sequences.length, config.batchSize, mixSeed(job.seed, epoch)),
        lossFn: (rows, ctx) => {
          const { x, lengths } = batchTensor(train.sequences, rows, dim, standardizer);
          return attentionLstmLoss(
            model,
            x,
            rows.map((i) => train.labels[i]!),
            { training: true, seed: ctx.seed, lengths, classWeights: job.classWeights },
          );
        },
        patience: config.patience,
        validate: () => weightedCrossEntropy(predictLstm(model, standardizer, validation.sequences, config.batchSize), validation.labels, job.classWeights),
        onEpochEnd: events.onEpoch,
        shouldCancel: events.shouldCancel,
      });
      return { model, standardizer, ...result };
    },
  );
}
