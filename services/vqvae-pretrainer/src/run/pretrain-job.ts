import * as tf from '@tensorflow/tfjs';
import type { ArtifactStore } from '@ser/artifacts';
import {
  codebookPerplexity,
  createAdam,
  createVqvae,
  saveAdamState,
  saveVariables,
  resumeTraining,
  trainLoop,
  vqvaeLosses,
  writeCheckpoint,
  type TrainingState,
  type VqvaeModel,
} from '@ser/models';
import type { Segments } from './load-segments';
import { binStatistics, epochBatches, gatherSegments, splitSegments } from './segment-batches';
import type { VqvaePretrainConfig } from './vqvae-config';

export interface VqvaeJobEvents {
  onStep(p: { epoch: number; step: number; totalSteps: number; losses: Record<string, number> }): void;
  /** After the epoch's checkpoint is written. */
  onEpoch(e: { epoch: number; step: number; metrics: Record<string, number>; checkpointPrefix: string; best: boolean }): Promise<void> | void;
  shouldCancel(): boolean;
}

export interface VqvaeJob {
  runId: string;
  config: VqvaePretrainConfig;
  segments: Segments;
  artifacts: ArtifactStore;
  /** Checkpoint prefix to continue from (the run's last), if any. */
  resumeFrom?: string;
}

/**
 * VQ-VAE pre-training on spectrogram segments: the VQ-VAE loss, Adam, a checkpoint each epoch (weights, Adam's
 * state, where the run was, and the per-bin normalisation the latent needs at inference), early stopping on
 * held-out segments. A resumed run continues exactly where the checkpoint left it.
 */
export async function runVqvaeJob(job: VqvaeJob, events: VqvaeJobEvents) {
  const { config, segments } = job;
  const { train, heldOut } = splitSegments(segments.count, config.heldOutFraction, config.seed);
  const stats = binStatistics(segments, train);
  const model = createVqvae({ ...config.model, frames: segments.frames, bins: segments.bins }, config.seed);
  const optimizer = createAdam({ learningRate: config.learningRate });
  let state: TrainingState;
  try {
    state = await resumeTraining(job.artifacts, job.resumeFrom, model.variables, optimizer, model.trainableVariables);
    const totalSteps = Math.ceil(train.length / config.batchSize) * config.epochs;
    const shape = (rows: number[]) => [rows.length, segments.frames, segments.bins] as [number, number, number];
    const result = await trainLoop({
      variables: model.trainableVariables,
      optimizer,
      epochs: config.epochs,
      seed: config.seed,
      startEpoch: state.epoch + 1,
      startStep: state.step,
      batches: (epoch) => epochBatches(train, config.batchSize, config.seed, epoch),
      lossFn: (rows) => vqvaeLosses(model, tf.tensor3d(gatherSegments(segments, rows, stats), shape(rows)), { updateEma: true }).total,
      hooks: {
        shouldCancel: events.shouldCancel,
        onBatchEnd: ({ epoch, step, loss }) => events.onStep({ epoch, step: step + 1, totalSteps, losses: { loss } }),
        onEpochEnd: async (epoch, metrics) => {
          const held = evaluate(model, segments, heldOut.length ? heldOut : train, stats, config.batchSize);
          const best = held.loss < state.bestHeldOut;
          state = {
            epoch,
            step: metrics.steps,
            bestHeldOut: best ? held.loss : state.bestHeldOut,
            badEpochs: best ? 0 : state.badEpochs + 1,
            history: [...state.history, { epoch, trainLoss: metrics.trainLoss, heldOutLoss: held.loss }],
          };
          const prefix = `checkpoints/${job.runId}/epoch-${String(epoch).padStart(4, '0')}`;
          await job.artifacts.put(`${prefix}/normalisation.json`, Buffer.from(JSON.stringify(stats)));
          await writeCheckpoint(job.artifacts, prefix, {
            weights: saveVariables(model.variables),
            optimizer: await saveAdamState(optimizer, model.trainableVariables),
            state,
          });
          const epochMetrics = {
            trainLoss: metrics.trainLoss,
            heldOutLoss: held.loss,
            heldOutReconstruction: held.reconstruction,
            perplexity: held.perplexity,
          };
          await events.onEpoch({ epoch, step: metrics.steps, metrics: epochMetrics, checkpointPrefix: prefix, best });
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

/** Mean losses over held-out segments (no EMA update), and the codebook perplexity over all of them. */
function evaluate(model: VqvaeModel, segments: Segments, rows: number[], stats: { mean: number[]; std: number[] }, batchSize: number) {
  let loss = 0;
  let reconstruction = 0;
  const indices: number[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    const part = rows.slice(i, i + batchSize);
    const x = tf.tensor3d(gatherSegments(segments, part, stats), [part.length, segments.frames, segments.bins]);
    const losses = vqvaeLosses(model, x);
    loss += losses.total.dataSync()[0]! * part.length;
    reconstruction += losses.reconstruction.dataSync()[0]! * part.length;
    const out = model.forward(x);
    indices.push(...out.indices);
    tf.dispose([x, ...Object.values(losses), out.reconstruction, out.encoded, out.quantised, out.codes, out.assignments, out.latent]);
  }
  return {
    loss: loss / rows.length,
    reconstruction: reconstruction / rows.length,
    perplexity: codebookPerplexity(Int32Array.from(indices), model.config.codebookSize),
  };
}
