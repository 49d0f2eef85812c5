// A fine-tuned FOP classifier (kept-model kind fop-classifier) as an ONNX graph, op for op what
// @ser/models createFop + createFopClassifier compute in inference mode (no dropout): the FOP encoder
// (fop-trunk-onnx), the mean of the real frames, a softmax projection.
import type { FopConfig, SavedTensors } from '@ser/models';
import { decodeTensors } from '@ser/models';
import { dense, fopTrunk } from './fop-trunk-onnx';
import { OnnxGraph } from './graph-builder';

/** Input and output names of an exported FOP classifier (and of the other log-mel kinds). */
export const FOP_ONNX_IO = { features: 'features', lengths: 'lengths', logits: 'logits', probabilities: 'probabilities' } as const;

/** [batch, frames] float: 1 where t < lengths[row], else 0. positions: int64 [frames], lengths: int64 [batch]. */
export function lengthMask(g: OnnxGraph, positions: string, lengths: string): string {
  const real = g.op('Less', [g.op('Unsqueeze', [positions, g.constant([0], [1], 'int64')]), g.op('Unsqueeze', [lengths, g.constant([1], [1], 'int64')])]); // [batch, frames]
  return g.op('Cast', [real], { to: 1 });
}

/** Mean over the frames t < length of each row: [batch, frames, d] -> [batch, d]. */
function maskedMeanOverTime(g: OnnxGraph, h: string, positions: string, lengths: string): string {
  const mask = g.op('Unsqueeze', [lengthMask(g, positions, lengths), g.constant([2], [1], 'int64')]); // [batch, frames, 1]
  const axis1 = g.constant([1], [1], 'int64');
  return g.op('Div', [g.op('ReduceSum', [g.op('Mul', [h, mask]), axis1], { keepdims: 0 }), g.op('ReduceSum', [mask, axis1], { keepdims: 0 })]);
}

export interface FopClassifierGraph {
  config: FopConfig;
  classes: readonly string[];
  weights: SavedTensors;
}

/**
 * The graph of a fop-classifier: features [batch, frames, nMels] (right-padded log-mel frames) and lengths
 * [batch] (int64, real frames per row) in; logits and probabilities [batch, classes] out (names of those values).
 */
export function buildFopClassifierGraph({ config, classes, weights: saved }: FopClassifierGraph): { graph: OnnxGraph; logits: string; probabilities: string } {
  const weights = decodeTensors(saved);
  const head = weights.get('head.bias');
  if (head?.shape[0] !== classes.length) throw new Error(`the head has ${head?.shape[0]} outputs for ${classes.length} classes`);
  const g = new OnnxGraph();
  const trunk = fopTrunk(g, weights, config, FOP_ONNX_IO.features);
  const last = trunk.hidden[trunk.hidden.length - 1]!; // [batch, frames, dModel]
  const logits = dense(g, weights, 'head', maskedMeanOverTime(g, last, trunk.positions, FOP_ONNX_IO.lengths)); // [batch, classes]
  return { graph: g, logits, probabilities: g.op('Softmax', [logits], { axis: -1 }) };
}
