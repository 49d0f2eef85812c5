import * as tf from '@tensorflow/tfjs';

const tables = new Map<string, Float32Array>();

/**
 * Sinusoidal position embeddings (Vaswani et al. 2017, as in the FOP paper): PE[t, 2i] = sin(t / 10000^(2i/d)),
 * PE[t, 2i+1] = cos(same). Computed in JS once per (frames, dModel); [frames, dModel].
 */
export function sinusoidalPositions(frames: number, dModel: number): tf.Tensor2D {
  const key = `${frames}x${dModel}`;
  let table = tables.get(key);
  if (!table) {
    table = new Float32Array(frames * dModel);
    for (let t = 0; t < frames; t++) {
      for (let i = 0; i < dModel; i += 2) {
        const angle = t * Math.exp((-i * Math.log(10000)) / dModel);
        table[t * dModel + i] = Math.sin(angle);
        if (i + 1 < dModel) table[t * dModel + i + 1] = Math.cos(angle);
      }
    }
    tables.set(key, table);
  }
  return tf.tensor2d(table, [frames, dModel]); // [frames, dModel]
}
