import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFop, fopNextFrameLoss } from '../fop';
import type { NamedVariables } from '../layers/variables';
import { TINY_FOP, seededTensor3d, seededValues } from '../testing/fixtures';
import { createAdadelta } from './fused-adadelta';
import { createAdam, DEFAULT_ADAM_CONFIG, loadAdamState, saveAdamState, type AdamOptimizer } from './optimizer-state';
import { trainLoop } from './train-loop';

beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
});

// A matrix, a bias, a 3-D kernel, a scalar: every rank the flattening must cut back to.
const SHAPES: number[][] = [[7, 5], [5], [3, 4, 2], []];
const LR = 1e-2; // large, so a wrong step shows
const TOLERANCE = 1e-6;
let created: tf.TensorContainer[] = [];

afterEach(() => {
  tf.dispose(created);
  created = [];
});

function variablesFrom(seed: number): NamedVariables {
  const entries = SHAPES.map((shape, i) => [`w${i}`, tf.variable(tf.tensor(seededValues(tf.util.sizeFromShape(shape), seed + i), shape))] as const);
  const variables = Object.fromEntries(entries);
  created.push(Object.values(variables));
  return variables;
}

/** Step `step`'s gradients: seeded, so both optimizers see the same; `missing` names a variable left without one. */
function gradients(variables: NamedVariables, step: number, missing?: string): Array<{ name: string; tensor: tf.Tensor }> {
  return Object.entries(variables).map(([logical, v], i) => ({
    name: v.name,
    tensor: logical === missing ? (null as unknown as tf.Tensor) : tf.tensor(seededValues(v.size, 1000 * step + i), v.shape),
  }));
}

function applySteps(optimizer: tf.Optimizer, variables: NamedVariables, from: number, to: number, missing?: (step: number) => string | undefined): void {
  for (let step = from; step < to; step++) {
    const grads = gradients(variables, step, missing?.(step));
    optimizer.applyGradients(grads);
    tf.dispose(grads.map((g) => g.tensor).filter((t) => t != null));
  }
}

function maxDiff(a: NamedVariables, b: NamedVariables): number {
  return Math.max(...Object.keys(a).map((name) => tf.tidy(() => tf.max(tf.abs(tf.sub(a[name]!, b[name]!))).dataSync()[0]!)));
}

function tfjsAdam(): tf.AdamOptimizer {
  const c = { ...DEFAULT_ADAM_CONFIG, learningRate: LR };
  return tf.train.adam(c.learningRate, c.beta1, c.beta2, c.epsilon);
}

describe('FusedAdam', () => {
  it("takes tfjs Adam's steps on every variable (bias correction, epsilon, learning rate)", () => {
    const [reference, fused] = [variablesFrom(1), variablesFrom(1)];
    const [a, b] = [tfjsAdam(), createAdam({ learningRate: LR })];
    applySteps(a, reference, 0, 6);
    applySteps(b, fused, 0, 6);
    expect(maxDiff(fused, reference)).toBeLessThan(TOLERANCE);
    // The steps moved the variables far more than the tolerance, so the comparison can fail.
    expect(maxDiff(fused, variablesFrom(1))).toBeGreaterThan(1000 * TOLERANCE);
    a.dispose();
    b.dispose();
  });

  it('leaves a variable without a gradient (and its moments) as tfjs does', () => {
    const [reference, fused] = [variablesFrom(2), variablesFrom(2)];
    const [a, b] = [tfjsAdam(), createAdam({ learningRate: LR })];
    const missing = (step: number) => (step === 1 ? 'w0' : step === 3 ? 'w2' : undefined);
    applySteps(a, reference, 0, 5, missing);
    applySteps(b, fused, 0, 5, missing);
    expect(maxDiff(fused, reference)).toBeLessThan(TOLERANCE);
    a.dispose();
    b.dispose();
  });

  it('trains a small FOP through trainLoop as tfjs Adam does', async () => {
    const sequences = seededTensor3d([3, 12, 8], 7);
    created.push(sequences);
    const run = async (optimizer: tf.Optimizer) => {
      const fop = createFop(TINY_FOP, 3);
      const losses: number[] = [];
      await trainLoop({
        variables: fop.variables,
        optimizer,
        batches: [0, 1, 2],
        lossFn: (_, context) => fopNextFrameLoss(fop, sequences, context),
        epochs: 2,
        seed: 4,
        hooks: { onBatchEnd: ({ loss }) => void losses.push(loss) },
      });
      optimizer.dispose();
      created.push(Object.values(fop.variables));
      return { variables: fop.variables, losses };
    };
    const reference = await run(tf.train.adam(1e-3, 0.9, 0.999, 1e-8));
    const fused = await run(createAdam());
    expect(maxDiff(fused.variables, reference.variables)).toBeLessThan(TOLERANCE);
    fused.losses.forEach((loss, i) => expect(loss).toBeCloseTo(reference.losses[i]!, 6));
  });

  it("saves tfjs Adam's checkpoint layout, and resumes from either optimizer's state into the other", async () => {
    const reference = variablesFrom(3);
    const uninterrupted = tfjsAdam();
    applySteps(uninterrupted, reference, 0, 6);

    const resume = async (first: AdamOptimizer, second: AdamOptimizer) => {
      const variables = variablesFrom(3);
      applySteps(first, variables, 0, 3);
      const state = await saveAdamState(first, variables);
      await loadAdamState(second, variables, { ...state, data: Buffer.from(state.data) });
      applySteps(second, variables, 3, 6);
      first.dispose();
      second.dispose();
      return { variables, state };
    };
    const fromTfjs = await resume(tfjsAdam(), createAdam({ learningRate: LR }));
    const fromFused = await resume(createAdam({ learningRate: LR }), tfjsAdam());
    expect(maxDiff(fromTfjs.variables, reference)).toBeLessThan(TOLERANCE);
    expect(maxDiff(fromFused.variables, reference)).toBeLessThan(TOLERANCE);
    expect(fromFused.state.manifest).toEqual(fromTfjs.state.manifest);
    expect(fromFused.state.step).toBe(3);
    uninterrupted.dispose();
  });

  it('frees what it creates: steps, saves and disposal leave no tensors behind', async () => {
    const variables = variablesFrom(4);
    const before = tf.memory().numTensors;
    const optimizer = createAdam();
    applySteps(optimizer, variables, 0, 3);
    const state = await saveAdamState(optimizer, variables);
    const restored = createAdam();
    await loadAdamState(restored, variables, state);
    applySteps(restored, variables, 3, 4);
    optimizer.dispose();
    restored.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('FusedAdadelta', () => {
  it("takes tfjs Adadelta's steps, with and without a gradient for every variable", () => {
    const [reference, fused] = [variablesFrom(5), variablesFrom(5)];
    const [a, b] = [tf.train.adadelta(1, 0.95, 1e-7), createAdadelta()];
    const missing = (step: number) => (step === 2 ? 'w1' : undefined);
    applySteps(a, reference, 0, 5, missing);
    applySteps(b, fused, 0, 5, missing);
    expect(maxDiff(fused, reference)).toBeLessThan(TOLERANCE);
    expect(maxDiff(fused, variablesFrom(5))).toBeGreaterThan(10 * TOLERANCE);
    a.dispose();
    b.dispose();
  });
});
