// Small pieces every loader of a kept model needs (its weight files come from @ser/model-artifacts readKeptWeights).
import type { StandardizerState } from '@ser/classical';

/**
 * Rows of `width` features back to back, each feature z-scored with the stored statistics, (x - mean) / std:
 * what the trainer applied before the network.
 */
export function standardizeRows(values: Float32Array, stats: StandardizerState, width: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i]! - stats.mean[i % width]!) / stats.std[i % width]!;
  return out;
}

/** Builds a model from parts that own native memory, freeing what was built when a later step throws. */
export function disposeOnFailure<T>(owned: Array<{ dispose(): void }>, build: () => T): T {
  try {
    return build();
  } catch (err) {
    for (const part of owned.reverse()) part.dispose();
    throw err;
  }
}
