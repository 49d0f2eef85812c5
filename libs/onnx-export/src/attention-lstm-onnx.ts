// A kept fop-hypercolumn-attention-lstm as an ONNX graph, what the inference service's tfjs loader computes: the
// frozen FOP's hypercolumns of the whole utterance (fop-trunk-onnx), z-scored with the training statistics, an LSTM
// (ONNX's LSTM op, recurrent-onnx), additive attention pooled over the real frames, a softmax layer (@ser/models createAttentionLstm
// in inference mode). Read top-down: the whole graph last.
//
// Padding: the LSTM op runs every row over all frames (no sequence_lens), as tfjs does; it only runs forwards, so
// padding after a row never changes its real steps, and the attention gives padded frames -1e9 scores (weight 0),
// the mask tfjs adds. ONNX Runtime's LSTM is not asked to mask at all.
import type { AttentionLstmConfig, FopConfig, HypercolumnRepresentation, SavedTensors } from '@ser/models';
import { decodeTensors } from '@ser/models';
import { FOP_ONNX_IO, lengthMask } from './fop-classifier-onnx';
import { dense, fopHypercolumn, weightOf, type OnnxWeights } from './fop-trunk-onnx';
import { OnnxGraph } from './graph-builder';
import { recurrentLayer } from './recurrent-onnx';

/** The LSTM's weights are renamed under this prefix: its `output.*` would otherwise share names with the FOP's. */
const LSTM_SCOPE = 'attention_lstm';

/** A kept model's per-feature z-scoring (model.json `standardizer`). */
export interface StandardizerState {
  mean: number[];
  std: number[];
}

/**
 * (x - mean) / std per feature, in double and rounded to float32 once, as the inference service's standardizeRows
 * computes it in JS. x: [batch, frames, dim] float.
 */
function standardize(g: OnnxGraph, x: string, stats: StandardizerState): string {
  const dim = stats.mean.length;
  const centred = g.op('Sub', [g.op('Cast', [x], { to: 11 }), g.constant(stats.mean, [dim], 'double')]);
  return g.op('Cast', [g.op('Div', [centred, g.constant(stats.std, [dim], 'double')])], { to: 1 });
}

/** ONNX's LSTM op (recurrent-onnx) over x ([batch, frames, in]) with @ser/models' cell weights: h at every step, [batch, frames, units]. */
function lstm(g: OnnxGraph, weights: OnnxWeights, config: AttentionLstmConfig, x: string): string {
  const timeMajor = g.op('Transpose', [x], { perm: [1, 0, 2] }); // [frames, batch, in]
  const layer = { kind: 'lstm' as const, units: config.units, inUnits: config.inputDim, cells: [`${LSTM_SCOPE}.lstm`] };
  const { y } = recurrentLayer(g, weights, layer, timeMajor); // Y: [frames, 1, batch, units]
  return g.op('Transpose', [g.op('Squeeze', [y, g.constant([1], [1], 'int64')])], { perm: [1, 0, 2] }); // [batch, frames, units]
}

/** e_t = v . tanh(W h_t + b), -1e9 on padding, softmax over time, sum_t a_t h_t: [batch, frames, units] -> [batch, units]. */
function attentionPool(g: OnnxGraph, weights: OnnxWeights, h: string, lengths: string): string {
  const hidden = g.op('Tanh', [dense(g, weights, `${LSTM_SCOPE}.attention.score`, h)]); // [batch, frames, attentionUnits]
  const axis2 = g.constant([2], [1], 'int64');
  const scores = g.op('Squeeze', [g.op('MatMul', [hidden, weightOf(g, weights, `${LSTM_SCOPE}.attention.context`)]), axis2]); // [batch, frames]
  const frames = g.op('Gather', [g.op('Shape', [h]), g.constant([1], [], 'int64')], { axis: 0 });
  const positions = g.op('Range', [g.constant([0], [], 'int64'), frames, g.constant([1], [], 'int64')]); // [frames] int64
  const padding = g.op('Sub', [g.constant([1], []), lengthMask(g, positions, lengths)]); // [batch, frames]: 1 on padding
  const attention = g.op('Softmax', [g.op('Add', [scores, g.op('Mul', [padding, g.constant([-1e9], [])])])], { axis: -1 }); // [batch, frames]
  return g.op('ReduceSum', [g.op('Mul', [h, g.op('Unsqueeze', [attention, axis2])]), g.constant([1], [1], 'int64')], { keepdims: 0 }); // [batch, units]
}

export interface HypercolumnAttentionLstmGraph {
  fop: { config: FopConfig; weights: SavedTensors };
  representation: HypercolumnRepresentation;
  standardizer: StandardizerState;
  attentionLstm: { config: AttentionLstmConfig; weights: SavedTensors };
  classes: readonly string[];
}

/**
 * The graph of a fop-hypercolumn-attention-lstm: features [batch, frames, nMels] (right-padded log-mel frames of
 * whole utterances) and lengths [batch] (int64, real frames per row) in; logits and probabilities [batch, classes].
 */
export function buildHypercolumnAttentionLstmGraph(model: HypercolumnAttentionLstmGraph): { graph: OnnxGraph; logits: string; probabilities: string } {
  const { config } = model.attentionLstm;
  if (config.numClasses !== model.classes.length) throw new Error(`the attention-LSTM has ${config.numClasses} outputs for ${model.classes.length} classes`);
  if (model.standardizer.mean.length !== config.inputDim || model.standardizer.std.length !== config.inputDim)
    throw new Error(`the standardizer has ${model.standardizer.mean.length} features for an LSTM input of ${config.inputDim}`);
  const weights: OnnxWeights = decodeTensors(model.fop.weights);
  for (const [name, tensor] of decodeTensors(model.attentionLstm.weights)) weights.set(`${LSTM_SCOPE}.${name}`, tensor);
  const g = new OnnxGraph();
  const hypercolumns = fopHypercolumn(g, weights, model.fop.config, FOP_ONNX_IO.features, model.representation); // [batch, frames, dim]
  const h = lstm(g, weights, config, standardize(g, hypercolumns, model.standardizer)); // [batch, frames, units]
  const logits = dense(g, weights, `${LSTM_SCOPE}.output`, attentionPool(g, weights, h, FOP_ONNX_IO.lengths)); // [batch, classes]
  return { graph: g, logits, probabilities: g.op('Softmax', [logits], { axis: -1 }) };
}
