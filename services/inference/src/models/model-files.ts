// Small pieces every loader of a kept model needs: its weight files and the per-feature z-scoring it stores.
import type { ArtifactStore } from '@ser/artifacts';
import type { StandardizerState } from '@ser/classical';
import type { SavedTensors, TensorEntry } from '@ser/models';

/** A weights file beside model.json, as model.json names it. */
export interface WeightsFile {
  file: string;
  manifest: TensorEntry[];
}

export async function readWeights(artifacts: ArtifactStore, artifactKey: string, weights: WeightsFile): Promise<SavedTensors> {
  return { manifest: weights.manifest, data: await artifacts.get(`${artifactKey}/${weights.file}`) };
}

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
