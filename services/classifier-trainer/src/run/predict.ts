import * as tf from '@tensorflow/tfjs';
import type { FopClassifier } from '@ser/models';

/**
 * Attention costs frames^2 per row, so a batch holds as many whole utterances as fit this many
 * (rows x longest^2) cells: 32 rows of 500 frames, or fewer rows of longer utterances (never less than one).
 */
const BATCH_CELLS = 32 * 500 * 500;

/**
 * Class probabilities of whole utterances ([frames * nMels] each), inference mode. Utterances are sorted by
 * length and right-padded per batch; the pooling is masked, so padding does not change a prediction.
 */
export function predictProbabilities(classifier: FopClassifier, sequences: readonly Float32Array[], maxRows = 32): number[][] {
  const nMels = classifier.fop.config.nMels;
  const frames = sequences.map((s) => s.length / nMels);
  const out: number[][] = new Array(sequences.length);
  for (const rows of lengthBatches(frames, maxRows)) {
    const longest = frames[rows[rows.length - 1]!]!;
    const x = new Float32Array(rows.length * longest * nMels);
    rows.forEach((source, row) => x.set(sequences[source]!, row * longest * nMels));
    const probabilities = tf.tidy(() => {
      const batch = tf.tensor3d(x, [rows.length, longest, nMels]); // [batch, frames, nMels]
      return classifier.forward(batch, { training: false, lengths: rows.map((i) => frames[i]!) }).probabilities.arraySync(); // [batch, classes]
    });
    rows.forEach((source, row) => (out[source] = probabilities[row]!));
  }
  return out;
}

/**
 * Batches of sequence indices for whole-utterance inference through FOP: sorted by length (so little padding),
 * at most maxRows each and within BATCH_CELLS of attention; each batch's longest sequence comes last.
 */
export function lengthBatches(frames: readonly number[], maxRows: number): number[][] {
  const order = frames.map((_, i) => i).sort((a, b) => frames[a]! - frames[b]!);
  const batches: number[][] = [];
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && end - start < maxRows && (end - start + 1) * frames[order[end]!]! ** 2 <= BATCH_CELLS) end++;
    batches.push(order.slice(start, end));
    start = end;
  }
  return batches;
}

/** Class-weighted mean cross-entropy of predicted probabilities (what early stopping watches). */
export function weightedCrossEntropy(probabilities: readonly number[][], labels: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  probabilities.forEach((p, i) => {
    const w = weights[labels[i]!]!;
    sum += -w * Math.log(Math.max(p[labels[i]!]!, 1e-12));
    total += w;
  });
  return total > 0 ? sum / total : Number.NaN;
}
