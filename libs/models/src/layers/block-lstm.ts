// An LSTM layer run by TensorFlow's fused BlockLSTMV2 kernel (forwards) and BlockLSTMGradV2 (backwards) on the
// native backend: the whole sequence is two kernels, where the eager loop of recurrent.ts dispatches ~57 kernels a
// step (test/bench/attention-lstm.ts measures both). Same equations and gate order as PyTorch and recurrent.ts:
// pre = [x, h] W + b with W = [W_i; W_h] and b = b_i + b_h, gates i, f, g, o, c' = f c + i g, h' = o tanh(c');
// no peepholes, no cell clipping, zero initial state. block-lstm.spec.ts checks outputs and gradients against the loop.
import * as tf from '@tensorflow/tfjs';
import type { NativeOps } from '@ser/tfjs-backend';

const NO_PEEPHOLE = { name: 'use_peephole', bool: false } as const;
const FLOAT = { name: 'T', dtype: 'float32' } as const;

/**
 * h and c at every step, [time, batch, 2 units] (h first), from x [time, batch, in], W [in + units, 4 units] and
 * b [4 units]. One tensor out because tf.customGrad takes one; the caller splits it.
 */
function fusedLstm(ops: NativeOps) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, w, b, save] = args as [tf.Tensor3D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const [time, batch] = x.shape;
    const units = b.shape[0] / 4;
    const zeroState = tf.zeros([batch, units]);
    const noPeephole = tf.zeros([units]);
    const common = [x, zeroState, zeroState, w, noPeephole, noPeephole, noPeephole, b];
    // Outputs per step: i, cs (c), f, o, ci (g), co (tanh c), h.
    const outputs = ops.run('BlockLSTMV2', [{ name: 'cell_clip', float: 0 }, NO_PEEPHOLE, FLOAT], [{ int64: time }, ...common], 7);
    save([x, w, b, ...outputs]);
    return {
      value: tf.concat([outputs[6]!, outputs[1]!], 2),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw, sb, ...forward] = saved as [tf.Tensor3D, tf.Tensor2D, tf.Tensor1D, ...tf.Tensor[]];
        const [dh, dc] = tf.split(dy, 2, 2);
        const zeros = tf.zeros([batch, units]);
        const none = tf.zeros([units]);
        // Inputs: x, cs_prev, h_prev, w, wci, wcf, wco, b, the seven forward outputs, cs_grad, h_grad; outputs:
        // x_grad, cs_prev_grad, h_prev_grad, w_grad, wci_grad, wcf_grad, wco_grad, b_grad.
        const grads = ops.run('BlockLSTMGradV2', [NO_PEEPHOLE, FLOAT], [{ int64: time }, sx, zeros, zeros, sw, none, none, none, sb, ...forward, dc!, dh!], 8);
        return [grads[0]!, grads[3]!, grads[7]!];
      },
    };
  }) as (x: tf.Tensor3D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor3D;
}

export interface BlockLstmRun {
  outputs: tf.Tensor3D; // h at every step, [batch, time, units]
  final: { h: tf.Tensor2D; c: tf.Tensor2D }; // at the last step
}

/**
 * Runs the LSTM over every step of x ([batch, time, in]) with the fused kernel. inputKernel [in, 4 units],
 * recurrentKernel [units, 4 units] and the two biases are recurrent.ts's LSTM parameters.
 */
export function runBlockLstm(
  ops: NativeOps,
  params: { inputKernel: tf.Tensor; recurrentKernel: tf.Tensor; inputBias: tf.Tensor; recurrentBias: tf.Tensor },
  x: tf.Tensor3D,
): BlockLstmRun {
  const [, time] = x.shape;
  const units = params.recurrentKernel.shape[0]!;
  const w = tf.concat([params.inputKernel, params.recurrentKernel], 0) as tf.Tensor2D;
  const b = tf.add(params.inputBias, params.recurrentBias) as tf.Tensor1D;
  const hc = fusedLstm(ops)(tf.transpose(x, [1, 0, 2]) as tf.Tensor3D, w, b); // [time, batch, 2 units]
  const [h, c] = tf.split(hc, 2, 2) as [tf.Tensor3D, tf.Tensor3D];
  const last = (t: tf.Tensor3D) => tf.squeeze(tf.slice(t, [time - 1, 0, 0], [1, -1, units]), [0]) as tf.Tensor2D;
  return { outputs: tf.transpose(h, [1, 0, 2]) as tf.Tensor3D, final: { h: last(h), c: last(c) } };
}
