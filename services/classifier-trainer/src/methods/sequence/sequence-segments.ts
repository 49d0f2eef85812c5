// Utterances as sequences of 32x129 spectrogram segments: which stored segments a run reads, their per-bin
// z-scoring, and the batches the network reads (segments back to back plus each utterance's count).
import * as tf from '@tensorflow/tfjs';
import type { StandardizerState } from '@ser/classical';
import { createRandom } from '@ser/models';
import { frameStatistics } from '../../run/frame-statistics';

/** One utterance's segments, row-major [count, frames, bins]. */
export interface SegmentSequence {
  data: Float32Array;
  count: number;
}

export interface SegmentShape {
  frames: number;
  bins: number;
}

/**
 * The segments a run uses of one utterance's stored ones: every `stride`-th (segmentHop / the stored hop), at most
 * `maxSegments` of those (Infinity: all; evaluation and serving read whole utterances). An utterance always keeps
 * its first segment.
 */
export function selectSegments(stored: Float32Array, shape: SegmentShape, stride: number, maxSegments = Infinity): SegmentSequence {
  const size = shape.frames * shape.bins;
  const available = stored.length / size;
  const picked: number[] = [];
  for (let s = 0; s < available && picked.length < maxSegments; s += stride) picked.push(s);
  const data = new Float32Array(picked.length * size);
  picked.forEach((s, j) => data.set(stored.subarray(s * size, (s + 1) * size), j * size));
  return { data, count: picked.length };
}

/**
 * Where a training batch reads an utterance longer than `maxSegments`: a window of that many consecutive segments
 * at a start drawn from `seed` (a fresh one every step, so over the epochs every part of a long utterance is
 * trained on). Shorter utterances are read whole.
 */
export function trainingWindow(count: number, maxSegments: number, seed: number): { start: number; count: number } {
  if (count <= maxSegments) return { start: 0, count };
  return { start: Math.floor(createRandom(seed)() * (count - maxSegments + 1)), count: maxSegments };
}

/** The window's segments of one utterance, as a view (no copy). */
export function windowOf(sequence: SegmentSequence, window: { start: number; count: number }, shape: SegmentShape): SegmentSequence {
  const size = shape.frames * shape.bins;
  return { data: sequence.data.subarray(window.start * size, (window.start + window.count) * size), count: window.count };
}

/** Per-bin mean and std over every frame of the given utterances' segments. */
export function binStatistics(sequences: readonly SegmentSequence[], bins: number): StandardizerState {
  return frameStatistics(
    sequences.map((s) => s.data),
    bins,
  );
}

/** The segments of `rows`, z-scored per bin, back to back: [total, frames, bins], and each row's count. */
export function segmentBatch(
  sequences: readonly SegmentSequence[],
  rows: readonly number[],
  shape: SegmentShape,
  stats: StandardizerState,
): { segments: tf.Tensor3D; lengths: number[] } {
  const lengths = rows.map((r) => sequences[r]!.count);
  const total = lengths.reduce((a, b) => a + b, 0);
  const out = new Float32Array(total * shape.frames * shape.bins);
  let offset = 0;
  for (const r of rows) {
    const d = sequences[r]!.data;
    for (let i = 0; i < d.length; i++) out[offset + i] = (d[i]! - stats.mean[i % shape.bins]!) / stats.std[i % shape.bins]!;
    offset += d.length;
  }
  return { segments: tf.tensor3d(out, [total, shape.frames, shape.bins]), lengths };
}

/** Latent rows ([count * units] per utterance) of `rows`, back to back: [total, units]. */
export function latentBatch(latents: readonly Float32Array[], rows: readonly number[], units: number): tf.Tensor2D {
  const total = rows.reduce((n, r) => n + latents[r]!.length / units, 0);
  const out = new Float32Array(total * units);
  let offset = 0;
  for (const r of rows) {
    out.set(latents[r]!, offset);
    offset += latents[r]!.length;
  }
  return tf.tensor2d(out, [total, units]);
}
