// Adam's state (first and second moments per variable, and the step count behind its bias correction) saved
// under the variables' logical names, so a run resumed into a fresh model continues exactly where it stopped.
import * as tf from '@tensorflow/tfjs';
import type { NamedVariables } from '../layers/variables';
import { decodeTensors, encodeTensors, type SavedTensors } from '../serialization';
import { FusedAdam } from './fused-adam';

/** The trainers' FusedAdam, or tfjs's own (same steps, same saved state: a checkpoint of either resumes in the other). */
export type AdamOptimizer = FusedAdam | tf.AdamOptimizer;

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const DEFAULT_ADAM_CONFIG: AdamConfig = {
  learningRate: 1e-3, // 1e-3: Adam learning rate, FOP paper sec. 4.1
  beta1: 0.9, // 0.9, 0.999: Adam's defaults (Kingma & Ba 2015), also PyTorch's
  beta2: 0.999,
  epsilon: 1e-8, // 1e-8: PyTorch's default, so both optimizers take the same steps
};

/** Adam as tfjs's, updating all variables in one pass of kernels (fused-adam.ts). */
export function createAdam(overrides: Partial<AdamConfig> = {}): FusedAdam {
  return new FusedAdam({ ...DEFAULT_ADAM_CONFIG, ...overrides });
}

export interface SavedOptimizerState extends SavedTensors {
  /** Updates applied so far (Adam's t). */
  step: number;
  config: AdamConfig;
}

/** Engine variable name -> logical name, to translate Adam's `${engineName}/m` slots. */
function logicalNames(variables: NamedVariables): Map<string, string> {
  return new Map(Object.entries(variables).map(([logical, v]) => [v.name, logical]));
}

export async function saveAdamState(optimizer: AdamOptimizer, variables: NamedVariables): Promise<SavedOptimizerState> {
  const weights = await optimizer.getWeights();
  const [iterations, ...slots] = weights;
  const step = (await iterations!.tensor.data())[0]!;
  iterations!.tensor.dispose();
  const names = logicalNames(variables);
  const tensors: Record<string, tf.Tensor> = {};
  for (const slot of slots) {
    const cut = slot.name.lastIndexOf('/');
    const logical = names.get(slot.name.slice(0, cut));
    tf.util.assert(logical !== undefined, () => `optimizer slot ${slot.name} belongs to no variable of this model`);
    tensors[`${logical}/${slot.name.slice(cut + 1)}`] = slot.tensor;
  }
  const config = optimizer.getConfig() as unknown as AdamConfig;
  const encoded = encodeTensors(tensors);
  // Copies (FusedAdam cuts its slots from flat moments) are ours to free; an optimizer's own variables (tfjs's) are not.
  tf.dispose(Object.values(tensors).filter((t) => !(t instanceof tf.Variable)));
  return { ...encoded, step, config };
}

/**
 * Restores Adam's state into a fresh optimizer for `variables`. Adam keys its slots by position in the gradient
 * list, so the slots are handed over in Object.keys(variables) order: the order trainLoop applies gradients in.
 */
export async function loadAdamState(optimizer: AdamOptimizer, variables: NamedVariables, saved: SavedOptimizerState): Promise<void> {
  const existing = await optimizer.getWeights();
  tf.dispose(existing.map((w) => w.tensor));
  tf.util.assert(existing.length === 1, () => 'loadAdamState needs a fresh optimizer (this one has already taken steps)');
  const entries = decodeTensors(saved);
  const order = Object.keys(variables);
  const restored: Array<{ name: string; tensor: tf.Tensor }> = [{ name: 'iter', tensor: tf.scalar(saved.step, 'int32') }];
  if (saved.step > 0 && entries.size > 0) {
    for (const moment of ['m', 'v']) {
      for (const logical of order) {
        const entry = entries.get(`${logical}/${moment}`);
        tf.util.assert(entry !== undefined, () => `optimizer state has no ${moment} for ${logical}`);
        restored.push({ name: `${variables[logical]!.name}/${moment}`, tensor: tf.tensor(entry!.values, entry!.shape, 'float32') });
      }
    }
    tf.util.assert(entries.size === 2 * order.length, () => `optimizer state has ${entries.size} slots for ${order.length} variables`);
  }
  await optimizer.setWeights(restored);
  // setWeights keeps the data (tfjs wraps each tensor in a variable, FusedAdam concatenates them); our handles can go.
  tf.dispose(restored.map((w) => w.tensor));
}
