// @ser/models' recurrent cells (layers/recurrent.ts: SimpleRNN, GRU, LSTM with PyTorch's gate equations) as ONNX's
// RNN / GRU / LSTM ops, and the RNN sequence classifiers of a sequence-model (rnn.ts) on them. The weights are
// reordered into ONNX's gate order and layout; GRU runs with linear_before_reset = 1, PyTorch's n gate
// tanh(x W_n + b_n + r * (h R_n + b_Rn)), which is the one @ser/models computes.
import type { CellKind, RnnConfig, RnnVariant } from '@ser/models';
import { DEFAULT_RNN_CONFIG } from '@ser/models';
import { dense, type OnnxWeights } from './fop-trunk-onnx';
import type { OnnxGraph } from './graph-builder';

const GATES: Record<CellKind, number> = { simple: 1, gru: 3, lstm: 4 };
/** ONNX gate k takes our gate block ONNX_GATE_ORDER[kind][k]: ours r,z,n -> ONNX z,r,h; ours i,f,g,o -> ONNX i,o,f,c. */
const ONNX_GATE_ORDER: Record<CellKind, number[]> = { simple: [0], gru: [1, 0, 2], lstm: [0, 3, 1, 2] };
const ONNX_OP: Record<CellKind, string> = { simple: 'RNN', gru: 'GRU', lstm: 'LSTM' };

/** A [rows, gates * units] kernel (or a [gates * units] bias, rows 1) as ONNX's [gates * units, rows], gates in ONNX's order. */
function onnxGateOrder(values: Float32Array, rows: number, units: number, kind: CellKind): Float32Array {
  const gates = GATES[kind];
  const out = new Float32Array(values.length);
  ONNX_GATE_ORDER[kind].forEach((from, k) => {
    for (let u = 0; u < units; u++) for (let r = 0; r < rows; r++) out[(k * units + u) * rows + r] = values[r * gates * units + from * units + u]!;
  });
  return out;
}

export interface RecurrentLayer {
  kind: CellKind;
  units: number;
  inUnits: number;
  /** Weight-name prefix of each direction's cell (`<cell>.inputKernel` ...): one, or forward then backward. */
  cells: string[];
}

/**
 * One recurrent layer over time-major x [steps, batch, in]. With `sequenceLens` (int32 [batch]) a row stops at its
 * length: its last state is the one at its last real step (a backward direction starts there), as runRecurrent's
 * held state gives. Returns Y [steps, directions, batch, units] and Y_h [directions, batch, units].
 */
export function recurrentLayer(g: OnnxGraph, weights: OnnxWeights, layer: RecurrentLayer, x: string, sequenceLens?: string): { y: string; yh: string } {
  const { kind, units, inUnits, cells } = layer;
  const width = GATES[kind] * units;
  const stacked = (part: string, rows: number) => {
    const out = new Float32Array(cells.length * width * rows);
    cells.forEach((cell, d) => {
      const w = weights.get(`${cell}.${part}`);
      if (!w) throw new Error(`the recurrent weights have no tensor ${cell}.${part}`);
      out.set(onnxGateOrder(w.values, rows, units, kind), d * width * rows);
    });
    return out;
  };
  const name = cells.join('+');
  const w = g.weight(`${name}.W`, [cells.length, width, inUnits], stacked('inputKernel', inUnits));
  const r = g.weight(`${name}.R`, [cells.length, width, units], stacked('recurrentKernel', units));
  const [inputBias, recurrentBias] = [stacked('inputBias', 1), stacked('recurrentBias', 1)];
  const bias = new Float32Array(cells.length * 2 * width); // per direction [W_b, R_b]
  cells.forEach((_, d) => {
    bias.set(inputBias.subarray(d * width, (d + 1) * width), d * 2 * width);
    bias.set(recurrentBias.subarray(d * width, (d + 1) * width), d * 2 * width + width);
  });
  const b = g.weight(`${name}.B`, [cells.length, 2 * width], bias);
  const attributes = { hidden_size: units, direction: cells.length === 2 ? 'bidirectional' : 'forward', ...(kind === 'gru' ? { linear_before_reset: 1 } : {}) };
  const [y, yh] = g.node(ONNX_OP[kind], [x, w, r, b, ...(sequenceLens ? [sequenceLens] : [])], attributes, 2) as [string, string];
  return { y, yh };
}

const CELL: Record<RnnVariant, CellKind> = { 'simple-rnn': 'simple', gru: 'gru', bigru: 'gru', lstm: 'lstm', bilstm: 'lstm' };
const RNN_VARIANTS = Object.keys(CELL);

/** The RNN classifier's config with @ser/models createRnnClassifier's defaults filled in; null for another sequence model. */
export function rnnNetwork(sequenceModel: string, classifier: Record<string, unknown>): RnnConfig | null {
  if (!RNN_VARIANTS.includes(sequenceModel)) return null;
  return { ...DEFAULT_RNN_CONFIG, ...(classifier as Partial<RnnConfig>), variant: sequenceModel as RnnVariant };
}

/**
 * Logits of @ser/models createRnnClassifier over right-padded x [batch, steps, inputUnits] (lengths [batch] int64):
 * stacked layers, each direction's outputs concatenated for the next, the head on the final states (forwards: the
 * last real step; backwards: step 0). Weight names under `prefix` ('classifier').
 */
export function rnnLogits(g: OnnxGraph, weights: OnnxWeights, prefix: string, config: RnnConfig, x: string, lengths: string): string {
  const kind = CELL[config.variant];
  const directions = config.variant === 'bigru' || config.variant === 'bilstm' ? ['forward', 'backward'] : ['forward'];
  const sequenceLens = g.op('Cast', [lengths], { to: 6 }); // int32, as the ops take it
  let h = g.op('Transpose', [x], { perm: [1, 0, 2] }); // [steps, batch, in]
  let final = '';
  for (let i = 0; i < config.layers; i++) {
    const inUnits = i === 0 ? config.inputUnits : directions.length * config.units;
    const cells = directions.map((d) => `${prefix}.layer${i}.${d}`);
    const { y, yh } = recurrentLayer(g, weights, { kind, units: config.units, inUnits, cells }, h, sequenceLens);
    const shape = g.constant([0, 0, directions.length * config.units], [3], 'int64');
    h = g.op('Reshape', [g.op('Transpose', [y], { perm: [0, 2, 1, 3] }), shape]); // [steps, batch, directions * units]
    final = yh;
  }
  const summary = g.op('Reshape', [g.op('Transpose', [final], { perm: [1, 0, 2] }), g.constant([0, directions.length * config.units], [2], 'int64')]); // [batch, directions * units]
  return dense(g, weights, `${prefix}.head`, summary);
}
