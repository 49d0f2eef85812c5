import * as tf from '@tensorflow/tfjs';
import {
  createAdam,
  createFop,
  createFopClassifier,
  cropBatches,
  cropBatchTensor,
  loadVariables,
  trainWithEarlyStopping,
  weightedSoftmaxCrossEntropy,
  type FopClassifier,
  type FopConfig,
  type SavedTensors,
} from '@ser/models';
import type { FineTuneRunConfig } from '../../run/classifier-config';
import { trainFoldModel, type EarlyStoppedFold, type FoldTrainingEvents } from '../../run/fold-training';
import { predictProbabilities, weightedCrossEntropy } from '../../run/predict';

/** Utterances of one split as the trainer needs them: features and class indices, same order. */
export interface LabelledSet {
  sequences: Float32Array[];
  labels: number[];
}

export interface FoldTraining {
  config: FineTuneRunConfig;
  fopConfig: FopConfig;
  numClasses: number;
  /** Pre-trained FOP weights (output layer included, and ignored); absent = random initialisation. */
  pretrained?: SavedTensors;
  /** Loss weight per class index. */
  classWeights: number[];
  train: LabelledSet;
  validation: LabelledSet;
  seed: number;
}

export interface FoldTrained extends EarlyStoppedFold {
  /** Restored to the best validation epoch; the caller disposes it (disposeClassifier). */
  classifier: FopClassifier;
}

export function disposeClassifier(classifier: FopClassifier): void {
  classifier.dispose();
  classifier.fop.dispose();
}

/**
 * Fine-tunes the whole FOP under a pooled softmax head on random crops of the training utterances, with
 * class-weighted cross-entropy and early stopping on the validation loss of whole utterances; the weights of
 * the best validation epoch are kept.
 */
export async function trainFold(job: FoldTraining, events: FoldTrainingEvents): Promise<FoldTrained> {
  const { config } = job;
  const fop = createFop(job.fopConfig, job.seed);
  const classifier = createFopClassifier(fop, job.numClasses, job.seed);
  const optimizer = createAdam({ learningRate: config.learningRate });
  return trainFoldModel(
    optimizer,
    () => disposeClassifier(classifier),
    async () => {
      if (job.pretrained) {
        const trunk = Object.fromEntries(Object.entries(fop.variables).filter(([name]) => !name.startsWith('output.')));
        loadVariables(trunk, job.pretrained, { allowUnused: true }); // the checkpoint's output layer is not used
      }
      const { train, validation } = job;
      const result = await trainWithEarlyStopping({
        variables: classifier.variables,
        optimizer,
        epochs: config.epochs,
        seed: job.seed,
        batches: (epoch) =>
          cropBatches(train.sequences, { batchSize: config.batchSize, cropFrames: config.cropFrames, seed: job.seed, epoch, nMels: job.fopConfig.nMels }),
        lossFn: (batch, ctx) => {
          const x = cropBatchTensor(batch); // [batch, frames, nMels]
          const labels = batch.sources.map((i) => train.labels[i]!);
          return weightedLoss(classifier, x, labels, job.classWeights, { seed: ctx.seed, lengths: batch.lengths });
        },
        patience: config.patience,
        validate: () => weightedCrossEntropy(predictProbabilities(classifier, validation.sequences, config.batchSize), validation.labels, job.classWeights),
        onEpochEnd: events.onEpoch,
        shouldCancel: events.shouldCancel,
      });
      return { classifier, ...result };
    },
  );
}

/** Class-weighted mean softmax cross-entropy: sum(w_i * ce_i) / sum(w_i), like PyTorch's weighted CrossEntropyLoss. */
function weightedLoss(
  classifier: FopClassifier,
  x: tf.Tensor3D,
  labels: number[],
  classWeights: readonly number[],
  options: { seed: number; lengths: number[] },
): tf.Scalar {
  return tf.tidy(() => weightedSoftmaxCrossEntropy(classifier.forward(x, { training: true, ...options }).logits, labels, classWeights));
}
