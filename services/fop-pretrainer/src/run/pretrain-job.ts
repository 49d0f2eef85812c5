import * as tf from '@tensorflow/tfjs';
import type { ArtifactStore } from '@ser/artifacts';
import {
  createAdam,
  createFop,
  cropBatches,
  cropBatchTensor,
  fopNextFrameLoss,
  saveAdamState,
  saveVariables,
  shuffledIndices,
  resumeTraining,
  trainLoop,
  writeCheckpoint,
  type TrainingState,
} from '@ser/models';
import type { PretrainConfig } from './pretrain-config';

export interface PretrainJobEvents {
  onStep(p: { epoch: number; step: number; totalSteps: number; loss: number }): void;
  /** After the epoch's checkpoint is written. */
  onEpoch(e: { epoch: number; step: number; trainLoss: number; heldOutLoss: number; checkpointPrefix: string; best: boolean }): Promise<void> | void;
  shouldCancel(): boolean;
}

export interface PretrainJob {
  runId: string;
  config: PretrainConfig;
  /** Log-mel sequences [frames * nMels] of every utterance, in a stable order. */
  sequences: Float32Array[];
  artifacts: ArtifactStore;
  /** Checkpoint prefix to continue from (the run's last), if any. */
  resumeFrom?: string;
}

/**
 * FOP pre-training: next-frame L1 loss on random crops, Adam, early stopping on held-out utterances, a
 * checkpoint each epoch. Resuming from a checkpoint continues exactly where it stopped: weights, Adam's
 * moments, the step count (dropout seeds) and the early-stopping state all come back.
 */
export async function runPretrainJob(job: PretrainJob, events: PretrainJobEvents) {
  const { config } = job;
  const { train, heldOut } = splitHeldOut(job.sequences, config.heldOutFraction, config.seed);
  const model = createFop(config.model, config.seed);
  const optimizer = createAdam({ learningRate: config.learningRate });
  let state: TrainingState;
  try {
    state = await resumeTraining(job.artifacts, job.resumeFrom, model.variables, optimizer);
    const batchesPerEpoch = Math.ceil(train.length / config.batchSize);
    const totalSteps = batchesPerEpoch * config.epochs;
    const crop = { batchSize: config.batchSize, cropFrames: config.cropFrames, seed: config.seed, nMels: config.model.nMels };
    const result = await trainLoop({
      variables: model.variables,
      optimizer,
      epochs: config.epochs,
      seed: config.seed,
      startEpoch: state.epoch + 1,
      startStep: state.step,
      batches: (epoch) => cropBatches(train, { ...crop, epoch }),
      lossFn: (batch, ctx) => {
        const x = cropBatchTensor(batch); // [batch, frames, nMels]
        return fopNextFrameLoss(model, x, { training: true, seed: ctx.seed, shift: config.shift, lengths: batch.lengths });
      },
      hooks: {
        shouldCancel: events.shouldCancel,
        onBatchEnd: ({ epoch, step, loss }) => events.onStep({ epoch, step: step + 1, totalSteps, loss }),
        onEpochEnd: async (epoch, metrics) => {
          const heldOutLoss = heldOut.length ? evaluateHeldOut(model, heldOut, config) : metrics.trainLoss;
          const best = heldOutLoss < state.bestHeldOut;
          state = {
            epoch,
            step: metrics.steps,
            bestHeldOut: best ? heldOutLoss : state.bestHeldOut,
            badEpochs: best ? 0 : state.badEpochs + 1,
            history: [...state.history, { epoch, trainLoss: metrics.trainLoss, heldOutLoss }],
          };
          const prefix = `checkpoints/${job.runId}/epoch-${String(epoch).padStart(4, '0')}`;
          await writeCheckpoint(job.artifacts, prefix, {
            weights: saveVariables(model.variables),
            optimizer: await saveAdamState(optimizer, model.variables),
            state,
          });
          await events.onEpoch({ epoch, step: metrics.steps, trainLoss: metrics.trainLoss, heldOutLoss, checkpointPrefix: prefix, best });
          return state.badEpochs >= config.patience ? 'stop' : undefined;
        },
      },
    });
    return { ...result, history: state.history, bestHeldOut: state.bestHeldOut };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

/** Mean next-frame L1 over fixed crops of the held-out utterances, without dropout. */
function evaluateHeldOut(model: ReturnType<typeof createFop>, heldOut: Float32Array[], config: PretrainConfig): number {
  let sum = 0;
  let n = 0;
  for (const batch of cropBatches(heldOut, {
    batchSize: config.batchSize,
    cropFrames: config.cropFrames,
    seed: config.seed,
    epoch: 0,
    nMels: config.model.nMels,
  })) {
    const loss = tf.tidy(
      () => fopNextFrameLoss(model, cropBatchTensor(batch), { training: false, shift: config.shift, lengths: batch.lengths }).dataSync()[0]!,
    );
    sum += loss * batch.batch;
    n += batch.batch;
  }
  return sum / n;
}

function splitHeldOut(sequences: Float32Array[], fraction: number, seed: number) {
  const order = shuffledIndices(sequences.length, seed);
  const count = sequences.length > 1 ? Math.min(sequences.length - 1, Math.round(sequences.length * fraction)) : 0;
  return { heldOut: order.slice(0, count).map((i) => sequences[i]!), train: order.slice(count).map((i) => sequences[i]!) };
}
