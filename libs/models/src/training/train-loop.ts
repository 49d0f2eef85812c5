// The one training loop every trainer uses (FOP pre-training, fine-tuning, TACN): iterate batches, minimise the
// loss with the optimizer, report through hooks. Given a seed it is deterministic, and it can start from any
// epoch/step, which together with saved weights and Adam state makes a resumed run equal an uninterrupted one.
import * as tf from '@tensorflow/tfjs';
import type { NamedVariables } from '../layers/variables';
import { mixSeed } from '../random';
import { createAdam } from './optimizer-state';

/** Batches to iterate: the same iterable every epoch, or a factory that makes each epoch's (e.g. reshuffled). */
export type BatchSource<B> = Iterable<B> | AsyncIterable<B> | ((epoch: number) => Iterable<B> | AsyncIterable<B>);

export interface StepContext {
  epoch: number;
  /** Global index of this update, counted from the start of the run (not of this call). */
  step: number;
  /** Seed for this step's dropout masks: mixSeed(run seed, step), so it survives a resume. */
  seed: number;
  training: true;
}

export interface BatchEndInfo<B> {
  epoch: number;
  /** Global index of the update just applied. */
  step: number;
  loss: number;
  batch: B;
}

export interface EpochMetrics {
  epoch: number;
  /** Mean training loss over this epoch's batches. */
  trainLoss: number;
  batches: number;
  /** Updates applied since the start of the run. */
  steps: number;
  seconds: number;
}

export interface TrainHooks<B> {
  onBatchEnd?(info: BatchEndInfo<B>): void | Promise<void>;
  /** Evaluate, checkpoint, log; return 'stop' to end the run (early stopping). */
  onEpochEnd?(epoch: number, metrics: EpochMetrics): 'stop' | void | Promise<'stop' | void>;
  /** Polled before every batch; true ends the run at once (the current epoch is not reported). */
  shouldCancel?(): boolean;
}

export interface TrainLoopOptions<B> {
  /** Trained in Object.keys order (the order Adam's saved state is restored in). */
  variables: NamedVariables;
  /** Adam, lr 1e-3 when absent. */
  optimizer?: tf.Optimizer;
  batches: BatchSource<B>;
  /** Builds the scalar loss of one batch; runs inside the optimizer's tidy, so tensors made here are freed. */
  lossFn(batch: B, context: StepContext): tf.Scalar;
  /** Total epochs of the run, counting those done before a resume. */
  epochs: number;
  hooks?: TrainHooks<B>;
  seed?: number;
  /** Resume point: the first epoch to run and the updates already applied. */
  startEpoch?: number;
  startStep?: number;
}

export interface TrainResult {
  status: 'completed' | 'stopped' | 'cancelled';
  /** Epochs finished, counting those before a resume. */
  epochsCompleted: number;
  steps: number;
  history: EpochMetrics[];
}

function epochBatches<B>(source: BatchSource<B>, epoch: number): Iterable<B> | AsyncIterable<B> {
  return typeof source === 'function' ? source(epoch) : source;
}

export async function trainLoop<B>(options: TrainLoopOptions<B>): Promise<TrainResult> {
  const varList = Object.values(options.variables);
  tf.util.assert(varList.length > 0, () => 'trainLoop needs at least one variable');
  const optimizer = options.optimizer ?? createAdam();
  try {
    return await run(options, optimizer, varList);
  } finally {
    if (!options.optimizer) optimizer.dispose(); // a caller who wants Adam's state passes its own optimizer
  }
}

async function run<B>(options: TrainLoopOptions<B>, optimizer: tf.Optimizer, varList: tf.Variable[]): Promise<TrainResult> {
  const { batches, lossFn, epochs, hooks = {}, seed = 0, startEpoch = 0 } = options;
  let step = options.startStep ?? 0;
  const history: EpochMetrics[] = [];

  for (let epoch = startEpoch; epoch < epochs; epoch++) {
    const started = performance.now();
    let lossSum = 0;
    let count = 0;
    for await (const batch of epochBatches(batches, epoch)) {
      if (hooks.shouldCancel?.()) return { status: 'cancelled', epochsCompleted: epoch, steps: step, history };
      const context: StepContext = { epoch, step, seed: mixSeed(seed, step), training: true };
      const cost = optimizer.minimize(() => lossFn(batch, context), true, varList);
      const loss = (await cost!.data())[0]!;
      cost!.dispose();
      lossSum += loss;
      count++;
      step++;
      await hooks.onBatchEnd?.({ epoch, step: context.step, loss, batch });
      // Let the process answer RPCs (health, cancel) between steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const metrics: EpochMetrics = {
      epoch,
      trainLoss: count > 0 ? lossSum / count : Number.NaN,
      batches: count,
      steps: step,
      seconds: (performance.now() - started) / 1000,
    };
    history.push(metrics);
    if ((await hooks.onEpochEnd?.(epoch, metrics)) === 'stop') {
      return { status: 'stopped', epochsCompleted: epoch + 1, steps: step, history };
    }
  }
  return { status: 'completed', epochsCompleted: Math.max(epochs, startEpoch), steps: step, history };
}
