// The per-frame hypercolumn representations a classifier reads from a frozen FOP (FOP paper sec. 3.2, Table 2):
//   F       the input log-mel frames themselves (nMels-d; the FOP is not run)
//   h1, h2  the outputs of encoder layers 1 and 2 (dModel-d)
//   add     W_e F + PE + h1 + h2 (dModel-d): fopHypercolumns says why the embedded input is the summand
//   concat  [F, h1, h2] on the feature axis (nMels + L * dModel)
// Shared by the classifier trainer (extraction for training) and the inference service (serving the kept model),
// so both compute exactly the same features.
import * as tf from '@tensorflow/tfjs';
import type { FopConfig, FopModel } from './fop';
import { fopHypercolumns } from './fop-heads';

export type HypercolumnRepresentation = 'F' | 'h1' | 'h2' | 'add' | 'concat';

/** Features per frame of a representation. */
export function hypercolumnDim(fop: FopConfig, representation: HypercolumnRepresentation): number {
  if (representation === 'F') return fop.nMels;
  if (representation === 'concat') return fop.nMels + fop.numLayers * fop.dModel;
  return fop.dModel;
}

/**
 * One batch of log-mel sequences ([frames * nMels] each, at least `frames[i]` frames) right-padded and run
 * through the frozen FOP (inference mode); each row's representation over its first `frames[i]` frames only,
 * [frames[i] * dim]. The FOP is causal, so the padding after a row never changes its real frames.
 */
export function batchHypercolumns(
  fop: FopModel,
  sequences: readonly Float32Array[],
  frames: readonly number[],
  representation: HypercolumnRepresentation,
): Float32Array[] {
  const { nMels, numLayers } = fop.config;
  if (representation === 'h2' && numLayers < 2) throw new Error(`representation h2 needs a FOP with 2+ layers; this checkpoint has ${numLayers}`);
  const dim = hypercolumnDim(fop.config, representation);
  const longest = Math.max(...frames);
  const x = new Float32Array(sequences.length * longest * nMels);
  sequences.forEach((s, row) => x.set(s.subarray(0, frames[row]! * nMels), row * longest * nMels));
  const values =
    representation === 'F'
      ? x
      : tf.tidy(() => fopHypercolumns(fop, tf.tensor3d(x, [sequences.length, longest, nMels]))[representation]!.dataSync() as Float32Array); // [batch, longest, dim]
  return sequences.map((_, row) => values.slice(row * longest * dim, (row * longest + frames[row]!) * dim)); // real frames only
}

/** Mean over time of a sequence [frames * dim] (float64 sums). */
export function meanOverFrames(sequence: Float32Array, dim: number): Float32Array {
  const mean = new Float32Array(dim);
  const frames = sequence.length / dim;
  const sum = new Float64Array(dim);
  for (let t = 0; t < frames; t++) for (let j = 0; j < dim; j++) sum[j]! += sequence[t * dim + j]!;
  for (let j = 0; j < dim; j++) mean[j] = sum[j]! / frames;
  return mean;
}

/**
 * How an utterance's frames become one vector for the SVM / random forest: 'mean' (the FOP paper's average
 * pooling) or 'mean-std' (the per-feature mean then the per-feature standard deviation, 2 x dim): the log-mel
 * statistics baseline the issue-13 tables compare against.
 */
export const FRAME_POOLINGS = ['mean', 'mean-std'] as const;
export type FramePooling = (typeof FRAME_POOLINGS)[number];

/** Features per pooled vector. */
export function pooledDim(dim: number, pooling: FramePooling): number {
  return pooling === 'mean-std' ? 2 * dim : dim;
}

/** One vector per utterance from its frames [frames * dim] (float64 sums; population standard deviation). */
export function poolFrames(sequence: Float32Array, dim: number, pooling: FramePooling): Float32Array {
  const mean = meanOverFrames(sequence, dim);
  if (pooling === 'mean') return mean;
  const frames = sequence.length / dim;
  const squares = new Float64Array(dim);
  for (let t = 0; t < frames; t++) {
    for (let j = 0; j < dim; j++) {
      const centred = sequence[t * dim + j]! - mean[j]!;
      squares[j]! += centred * centred;
    }
  }
  const pooled = new Float32Array(2 * dim);
  pooled.set(mean);
  for (let j = 0; j < dim; j++) pooled[dim + j] = Math.sqrt(squares[j]! / frames);
  return pooled;
}
