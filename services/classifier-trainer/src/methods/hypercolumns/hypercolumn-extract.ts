// Hypercolumns of the frozen FOP, computed once per run for every utterance (FOP paper sec. 3.2, Table 2):
//   F       the input log-mel frames themselves (nMels-d; the FOP is not run)
//   h1, h2  the outputs of encoder layers 1 and 2 (dModel-d)
//   add     W_e F + PE + h1 + h2 (dModel-d). The paper adds "the input and the layer outputs", but F is 80-d and
//           the layers 256-d; the FOP's own input embedding W_e F + PE is the input as the layers see it (the
//           residual stream they add onto), so the sum needs no weights the model does not already have.
//   concat  [F, h1, h2] on the feature axis (nMels + 2 * dModel = 592-d for the paper's FOP): nothing to align.
// (batchHypercolumns in @ser/models computes them, shared with serving; L layers generalise h1 + h2 to h1 + ... + hL.)
import * as tf from '@tensorflow/tfjs';
import { batchHypercolumns, hypercolumnDim, poolFrames, type FopModel, type FramePooling } from '@ser/models';
import type { HypercolumnRepresentation } from '../../run/classifier-config';
import { lengthBatches } from '../../run/predict';

export { hypercolumnDim } from '@ser/models';

export interface ExtractOptions {
  representation: HypercolumnRepresentation;
  /** Keep every frame's vector (for the attention-LSTM); otherwise only the pooled vector is kept. */
  keepSequences: boolean;
  /** How `pooled` summarises an utterance; 'mean' when absent. */
  pooling?: FramePooling;
  /** Only each utterance's first maxFrames frames (FOP is causal: their hypercolumns are unchanged). */
  maxFrames?: number;
  /** Rows per FOP batch (fewer when long utterances would exceed the attention budget). */
  maxRows?: number;
}

export interface ExtractedHypercolumns {
  /** Features per frame. */
  dim: number;
  /** Each utterance's hypercolumns pooled over time (poolFrames: [dim] for 'mean', [2 * dim] for 'mean-std'). */
  pooled: Float32Array[];
  /** Each utterance's hypercolumns [frames * dim], when keepSequences. */
  sequences: Float32Array[] | null;
}

/**
 * Runs the frozen FOP (inference mode: no dropout) over every utterance in length-sorted, right-padded batches
 * and keeps the chosen representation of the real frames. `sequences` are log-mel features [frames * nMels].
 */
export function extractHypercolumns(fop: FopModel, sequences: readonly Float32Array[], options: ExtractOptions): ExtractedHypercolumns {
  const { nMels } = fop.config;
  const { representation } = options;
  const dim = hypercolumnDim(fop.config, representation);
  const frames = sequences.map((s) => Math.min(s.length / nMels, options.maxFrames ?? Number.POSITIVE_INFINITY));
  tf.util.assert(
    frames.every((n) => Number.isInteger(n) && n >= 1),
    () => `every utterance needs a whole number (>= 1) of ${nMels}-mel frames`,
  );
  const pooled: Float32Array[] = new Array(sequences.length);
  const kept: Float32Array[] | null = options.keepSequences ? new Array(sequences.length) : null;
  for (const rows of lengthBatches(frames, options.maxRows ?? 32)) {
    const values = batchHypercolumns(
      fop,
      rows.map((source) => sequences[source]!),
      rows.map((source) => frames[source]!),
      representation,
    );
    rows.forEach((source, row) => {
      pooled[source] = poolFrames(values[row]!, dim, options.pooling ?? 'mean');
      if (kept) kept[source] = values[row]!;
    });
  }
  return { dim, pooled, sequences: kept };
}
