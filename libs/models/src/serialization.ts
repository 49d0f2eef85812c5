// Checkpoints as plain artifacts: a JSON-able manifest plus one little-endian float32 buffer, in manifest order.
// No tfjs IO handlers, so any service (or a Python script) can read them.
import * as tf from '@tensorflow/tfjs';
import type { NamedVariables } from './layers/variables';

export interface TensorEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface SavedTensors {
  manifest: TensorEntry[];
  data: Buffer;
}

/** Serialises named tensors, sorted by name so the bytes do not depend on creation order. */
export function encodeTensors(tensors: Record<string, tf.Tensor>): SavedTensors {
  const names = Object.keys(tensors).sort();
  const manifest: TensorEntry[] = [];
  const total = names.reduce((sum, name) => sum + tensors[name]!.size, 0);
  const data = Buffer.alloc(total * 4);
  let offset = 0;
  for (const name of names) {
    const tensor = tensors[name]!;
    tf.util.assert(tensor.dtype === 'float32', () => `${name}: only float32 tensors are saved, got ${tensor.dtype}`);
    const values = tensor.dataSync() as Float32Array;
    for (let i = 0; i < values.length; i++) data.writeFloatLE(values[i]!, offset + i * 4);
    offset += values.length * 4;
    manifest.push({ name, shape: [...tensor.shape], dtype: 'float32' });
  }
  return { manifest, data };
}

/** Reads every entry back as a Float32Array with its shape (no tensors created). */
export function decodeTensors(saved: SavedTensors): Map<string, { shape: number[]; values: Float32Array }> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  let offset = 0;
  for (const entry of saved.manifest) {
    tf.util.assert(entry.dtype === 'float32', () => `${entry.name}: unsupported dtype ${entry.dtype}`);
    const size = entry.shape.reduce((a, b) => a * b, 1);
    tf.util.assert(offset + size * 4 <= saved.data.length, () => `checkpoint data ends before ${entry.name}`);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = saved.data.readFloatLE(offset + i * 4);
    offset += size * 4;
    out.set(entry.name, { shape: entry.shape, values });
  }
  tf.util.assert(offset === saved.data.length, () => `checkpoint has ${saved.data.length - offset} bytes beyond its manifest`);
  return out;
}

export function saveVariables(variables: NamedVariables): SavedTensors {
  return encodeTensors(variables);
}

export interface LoadOptions {
  /** Allow saved entries the model does not have (e.g. FOP's output layer when loading into a classifier). */
  allowUnused?: boolean;
}

/**
 * Assigns saved values into existing variables. Every variable must be in the checkpoint with its exact shape:
 * a silently half-loaded model would train from partly random weights.
 */
export function loadVariables(variables: NamedVariables, saved: SavedTensors, options: LoadOptions = {}): void {
  const entries = decodeTensors(saved);
  for (const [name, variable] of Object.entries(variables)) {
    const entry = entries.get(name);
    tf.util.assert(entry !== undefined, () => `checkpoint has no variable ${name}`);
    tf.util.assert(
      tf.util.arraysEqual(entry!.shape, variable.shape),
      () => `${name}: checkpoint shape [${entry!.shape}] differs from the model's [${variable.shape}]`,
    );
  }
  if (!options.allowUnused) {
    const unused = [...entries.keys()].filter((name) => !(name in variables));
    tf.util.assert(unused.length === 0, () => `checkpoint variables unknown to the model: ${unused.join(', ')}`);
  }
  tf.tidy(() => {
    for (const [name, variable] of Object.entries(variables)) {
      const entry = entries.get(name)!;
      variable.assign(tf.tensor(entry.values, entry.shape, 'float32'));
    }
  });
}
