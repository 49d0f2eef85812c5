// Recurrent cells (SimpleRNN, GRU, LSTM with PyTorch's gate equations and init) and one loop that runs any of
// them over a right-padded batch, forwards or backwards. Steps past a sequence's length leave the state as it
// was, so the final state is the state at the last real step (forwards) or at step 0 (backwards), and a padded
// sequence gives the same result as the unpadded one. The input projection of every step is one matMul.
import * as tf from '@tensorflow/tfjs';
import { matMul2d } from './matmul';
import type { VariableFactory } from './variables';

export type CellKind = 'simple' | 'gru' | 'lstm';

/** Gate blocks per kind: SimpleRNN 1, GRU 3 (r, z, n), LSTM 4 (i, f, g, o). */
export const GATES: Record<CellKind, number> = { simple: 1, gru: 3, lstm: 4 };

export interface RecurrentCellParams {
  kind: CellKind;
  units: number;
  inputKernel: tf.Variable; // [in, gates * units]
  recurrentKernel: tf.Variable; // [units, gates * units]
  inputBias: tf.Variable; // [gates * units]
  recurrentBias: tf.Variable; // [gates * units]: separate from inputBias because GRU's n gate needs r * (W h + b)
}

export interface RecurrentCellOptions {
  /**
   * LSTM only: the forget gate's bias starts at this (input bias = forgetBias, recurrent bias = 0) instead of
   * PyTorch's random init. 1 (Jozefowicz et al. 2015) makes the cell remember by default, so gradients reach
   * early steps. Left out: PyTorch's init.
   */
  forgetBias?: number;
}

/** PyTorch's RNN init: every weight and bias uniform in +-1/sqrt(units) (but see RecurrentCellOptions). */
export function createRecurrentCell(
  factory: VariableFactory,
  name: string,
  kind: CellKind,
  inUnits: number,
  units: number,
  options: RecurrentCellOptions = {},
): RecurrentCellParams {
  const width = GATES[kind] * units;
  const params: RecurrentCellParams = {
    kind,
    units,
    inputKernel: factory.fanIn(`${name}.inputKernel`, [inUnits, width], units),
    recurrentKernel: factory.fanIn(`${name}.recurrentKernel`, [units, width], units),
    inputBias: factory.fanIn(`${name}.inputBias`, [width], units),
    recurrentBias: factory.fanIn(`${name}.recurrentBias`, [width], units),
  };
  if (options.forgetBias !== undefined) {
    tf.util.assert(kind === 'lstm', () => `forgetBias is an LSTM option, got a ${kind} cell`);
    setForgetGate(params.inputBias, units, options.forgetBias);
    setForgetGate(params.recurrentBias, units, 0);
  }
  return params;
}

/** Sets the forget-gate block (LSTM gates i, f, g, o: the second) of a bias vector to one value. */
function setForgetGate(bias: tf.Variable, units: number, value: number): void {
  const values = bias.dataSync().slice() as Float32Array;
  values.fill(value, units, 2 * units);
  tf.tidy(() => bias.assign(tf.tensor1d(values)));
}

export interface CellState {
  h: tf.Tensor2D; // [batch, units]
  c?: tf.Tensor2D; // LSTM's cell state, [batch, units]
}

const gate = (t: tf.Tensor2D, i: number, units: number) => tf.slice(t, [0, i * units], [t.shape[0], units]) as tf.Tensor2D;

/** One step given the step's input projection xw = x W_i + b_i ([batch, gates * units]). */
export function cellStep(params: RecurrentCellParams, xw: tf.Tensor2D, state: CellState): CellState {
  const { units } = params;
  const hw = tf.add(matMul2d(state.h, params.recurrentKernel as tf.Tensor2D), params.recurrentBias) as tf.Tensor2D; // [batch, gates * units]
  if (params.kind === 'simple') return { h: tf.tanh(tf.add(xw, hw)) as tf.Tensor2D };
  if (params.kind === 'gru') {
    const r = tf.sigmoid(tf.add(gate(xw, 0, units), gate(hw, 0, units)));
    const z = tf.sigmoid(tf.add(gate(xw, 1, units), gate(hw, 1, units)));
    const n = tf.tanh(tf.add(gate(xw, 2, units), tf.mul(r, gate(hw, 2, units))));
    return { h: tf.add(n, tf.mul(z, tf.sub(state.h, n))) as tf.Tensor2D }; // (1 - z) n + z h
  }
  const pre = tf.add(xw, hw) as tf.Tensor2D;
  const [i, f, g, o] = [tf.sigmoid(gate(pre, 0, units)), tf.sigmoid(gate(pre, 1, units)), tf.tanh(gate(pre, 2, units)), tf.sigmoid(gate(pre, 3, units))];
  const c = tf.add(tf.mul(f, state.c!), tf.mul(i, g)) as tf.Tensor2D;
  return { h: tf.mul(o, tf.tanh(c)), c };
}

/** 1 where step t is real (t < length), per sequence: T tensors of [batch, 1]. */
function stepMasks(lengths: readonly number[] | undefined, batch: number, time: number): Array<tf.Tensor2D | undefined> {
  if (!lengths) return Array.from({ length: time }, () => undefined);
  tf.util.assert(lengths.length === batch, () => `got ${lengths.length} lengths for a batch of ${batch}`);
  return Array.from({ length: time }, (_, t) =>
    tf.tensor2d(
      lengths.map((n) => (t < n ? 1 : 0)),
      [batch, 1],
    ),
  );
}

export interface RecurrentRun {
  outputs: tf.Tensor3D; // h at every step, [batch, time, units] (held state on padding steps)
  final: CellState; // forwards: the state at each sequence's last real step; backwards: at step 0
}

/** Runs a cell over x ([batch, time, in]); `lengths` marks the real steps of a right-padded batch. */
export function runRecurrent(params: RecurrentCellParams, x: tf.Tensor3D, options: { lengths?: readonly number[]; reverse?: boolean } = {}): RecurrentRun {
  const [batch, time, inUnits] = x.shape;
  const width = GATES[params.kind] * params.units;
  const projected = tf.add(matMul2d(tf.reshape(x, [batch * time, inUnits]), params.inputKernel as tf.Tensor2D), params.inputBias); // [batch * time, width]
  const perStep = tf.unstack(tf.reshape(projected, [batch, time, width]), 1) as tf.Tensor2D[]; // time x [batch, width]
  const masks = stepMasks(options.lengths, batch, time);
  const zeros = tf.zeros([batch, params.units]) as tf.Tensor2D;
  let state: CellState = params.kind === 'lstm' ? { h: zeros, c: zeros } : { h: zeros };
  const outputs: tf.Tensor2D[] = new Array(time);
  const order = Array.from({ length: time }, (_, t) => (options.reverse ? time - 1 - t : t));
  for (const t of order) {
    const next = cellStep(params, perStep[t]!, state);
    const m = masks[t];
    // Padding steps keep the previous state: s + m (s' - s).
    const keep = (old: tf.Tensor2D, now: tf.Tensor2D) => (m ? (tf.add(old, tf.mul(m, tf.sub(now, old))) as tf.Tensor2D) : now);
    state = params.kind === 'lstm' ? { h: keep(state.h, next.h), c: keep(state.c!, next.c!) } : { h: keep(state.h, next.h) };
    outputs[t] = state.h;
  }
  return { outputs: tf.stack(outputs, 1) as tf.Tensor3D, final: state };
}
