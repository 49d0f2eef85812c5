import * as tf from '@tensorflow/tfjs';
import { mixSeed, uniformArray } from '../random';

/**
 * A model's trainable state, keyed by a stable logical name ("layer0.attn.wqkv"). Checkpoints and optimizer state
 * use these names; the tfjs engine names carry a per-instance prefix because the engine wants them unique.
 */
export type NamedVariables = Record<string, tf.Variable>;

let instanceCounter = 0;

/** Creates the variables of one model instance, each seeded from (seed, its logical name) so order never matters. */
export class VariableFactory {
  readonly variables: NamedVariables = {};
  private readonly prefix: string;

  constructor(
    scope: string,
    private readonly seed: number,
  ) {
    this.prefix = `${scope}_${++instanceCounter}`;
  }

  /** Xavier/Glorot uniform, the init PyTorch's MultiheadAttention uses for its projections. */
  glorot(name: string, shape: [number, number]): tf.Variable {
    const limit = Math.sqrt(6 / (shape[0] + shape[1]));
    return this.add(name, shape, uniformArray(shape[0] * shape[1], limit, mixSeed(this.seed, hashName(name))));
  }

  /** PyTorch nn.Linear's default: uniform in +-1/sqrt(fanIn). */
  fanIn(name: string, shape: number[], fanIn: number): tf.Variable {
    const size = shape.reduce((a, b) => a * b, 1);
    return this.add(name, shape, uniformArray(size, 1 / Math.sqrt(fanIn), mixSeed(this.seed, hashName(name))));
  }

  constant(name: string, shape: number[], value: number): tf.Variable {
    return this.add(name, shape, new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value));
  }

  private add(name: string, shape: number[], values: Float32Array): tf.Variable {
    tf.util.assert(!(name in this.variables), () => `variable ${name} defined twice`);
    // tidy frees the initial tensor; the variable keeps its own reference to the data.
    const variable = tf.tidy(() => tf.variable(tf.tensor(values, shape, 'float32'), true, `${this.prefix}/${name}`));
    this.variables[name] = variable;
    return variable;
  }
}

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function countParameters(variables: NamedVariables): number {
  return Object.values(variables).reduce((sum, v) => sum + v.size, 0);
}

export function disposeVariables(variables: NamedVariables): void {
  for (const v of Object.values(variables)) v.dispose();
}
