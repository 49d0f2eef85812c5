// Recurrent cells (SimpleRNN, GRU, LSTM with PyTorch's gate equations and init) and one loop that runs any of
// them over a right-padded batch, forwards or backwards. Steps past a sequence's length leave the state as it
// was, so the final state is the state at the last real step (forwards) or at step 0 (backwards), and a padded
// sequence gives the same result as the unpadded one. The input projection of every step is one matMul.
import * as tf from '@tensorflow/tfjs';
import { nativeOps, type NativeOps } from '@ser/tfjs-backend';
import { runBlockLstm } from './block-lstm';
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

// One split, not a slice per gate: in eager mode every kernel costs dispatch time, and a slice's gradient is a pad
// plus an add into the others' (test/bench/attention-lstm.ts), where a split's is one concat.
const gates = (t: tf.Tensor2D, kind: CellKind) => tf.split(t, GATES[kind], 1) as tf.Tensor2D[];

/** The bias the input projection carries: b_i alone for GRU (its n gate needs r * (W h + b_h)), b_i + b_h otherwise. */
function projectionBias(params: RecurrentCellParams): tf.Tensor1D {
  return (params.kind === 'gru' ? params.inputBias : tf.add(params.inputBias, params.recurrentBias)) as tf.Tensor1D;
}

/**
 * One step given the step's input projection: xw = x W_i + b_i for GRU, x W_i + b_i + b_h for SimpleRNN and LSTM,
 * whose recurrent bias adds to the same sum (projectionBias), so it is added once per sequence, not once per step.
 */
export function cellStep(params: RecurrentCellParams, xw: tf.Tensor2D, state: CellState): CellState {
  const hw = matMul2d(state.h, params.recurrentKernel as tf.Tensor2D); // [batch, gates * units]
  if (params.kind === 'simple') return { h: tf.tanh(tf.add(xw, hw)) as tf.Tensor2D };
  if (params.kind === 'gru') {
    const [xr, xz, xn] = gates(xw, 'gru');
    const [hr, hz, hn] = gates(tf.add(hw, params.recurrentBias) as tf.Tensor2D, 'gru');
    const r = tf.sigmoid(tf.add(xr!, hr!));
    const z = tf.sigmoid(tf.add(xz!, hz!));
    const n = tf.tanh(tf.add(xn!, tf.mul(r, hn!)));
    return { h: tf.add(n, tf.mul(z, tf.sub(state.h, n))) as tf.Tensor2D }; // (1 - z) n + z h
  }
  const [h, c] = tf.split(lstmPointwise(tf.add(xw, hw), state.c!), 2, 1) as [tf.Tensor2D, tf.Tensor2D];
  return { h, c };
}

/**
 * The LSTM cell after its matMuls, as one op with its backward written out: from the gate pre-activations
 * pre ([batch, 4 units], gates i, f, g, o) and c, returns [h', c'] side by side ([batch, 2 units]), with
 * i, f, o = sigmoid, g = tanh, c' = f c + i g, h' = o tanh(c'). Why: tfjs derives each product's gradient with two
 * casts and each sigmoid's with three kernels, so autodiff ran ~67 kernels a step where this runs ~57, and every
 * kernel costs eager dispatch time (test/bench/attention-lstm.ts). block-lstm.spec.ts checks it against autodiff.
 */
export const lstmPointwise = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [pre, c, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  const [pi, pf, pg, po] = tf.split(pre, 4, 1);
  const [i, f, g, o] = [tf.sigmoid(pi!), tf.sigmoid(pf!), tf.tanh(pg!), tf.sigmoid(po!)];
  const cNext = tf.add(tf.mul(f, c), tf.mul(i, g));
  const tanhC = tf.tanh(cNext);
  save([i, f, g, o, c, tanhC]);
  return {
    value: tf.concat([tf.mul(o, tanhC), cNext], 1),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [si, sf, sg, so, sc, st] = saved as tf.Tensor2D[];
      const [dh, dc] = tf.split(dy, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      // dL/dc' gathers the carried gradient and h's: dh o (1 - tanh(c')^2).
      const dcTotal = tf.add(dc, tf.mul(tf.mul(dh, so!), tf.sub(1, tf.square(st!))));
      const sigmoidSlope = (y: tf.Tensor) => tf.mul(y, tf.sub(1, y)); // sigmoid' = y (1 - y)
      const dPre = tf.concat(
        [
          tf.mul(tf.mul(dcTotal, sg!), sigmoidSlope(si!)),
          tf.mul(tf.mul(dcTotal, sc!), sigmoidSlope(sf!)),
          tf.mul(tf.mul(dcTotal, si!), tf.sub(1, tf.square(sg!))), // tanh' = 1 - y^2
          tf.mul(tf.mul(dh, st!), sigmoidSlope(so!)),
        ],
        1,
      );
      return [dPre, tf.mul(dcTotal, sf!)];
    },
  };
}) as (pre: tf.Tensor, c: tf.Tensor) => tf.Tensor2D;

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

/**
 * An LSTM over every step, fused on the native backend (block-lstm.ts): the same numbers, two kernels. Backwards is
 * the forward run over the time-reversed input, its outputs reversed back: with no padding, the loop's step 0 state is
 * the fused run's last.
 */
function runFusedLstm(ops: NativeOps, params: RecurrentCellParams, x: tf.Tensor3D, reverse: boolean): RecurrentRun {
  const run = runBlockLstm(ops, params, reverse ? (tf.reverse(x, 1) as tf.Tensor3D) : x);
  return { outputs: reverse ? (tf.reverse(run.outputs, 1) as tf.Tensor3D) : run.outputs, final: run.final };
}

/**
 * Runs a cell over x ([batch, time, in]); `lengths` marks the real steps of a right-padded batch. An LSTM without
 * lengths runs fused on the native backend; with lengths, or on another backend, the loop below runs.
 */
export function runRecurrent(params: RecurrentCellParams, x: tf.Tensor3D, options: { lengths?: readonly number[]; reverse?: boolean } = {}): RecurrentRun {
  const fused = params.kind === 'lstm' && !options.lengths ? nativeOps() : undefined;
  if (fused) return runFusedLstm(fused, params, x, options.reverse ?? false);
  const [batch, time, inUnits] = x.shape;
  const width = GATES[params.kind] * params.units;
  const projected = tf.add(matMul2d(tf.reshape(x, [batch * time, inUnits]), params.inputKernel as tf.Tensor2D), projectionBias(params)); // [batch * time, width]
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
