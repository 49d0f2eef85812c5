// The k time-shifted copies of a sequence that a 1-D convolution reads, on the platform's SerTimeTaps kernel
// (deploy/tfjs-native/ops/ser_ops.c) where the native backend has it loaded: one kernel forwards and one backwards
// in place of a split and, per tap, a slice, a zero block and a concat, each with its gradient (conv1d.ts).
import * as tf from '@tensorflow/tfjs';
import { nativeOps, type NativeOps } from '@ser/tfjs-backend';

/** Tap j of output step t' reads step stride * t' + first + j * dilation. */
export interface TimeTapsShape {
  taps: number;
  first: number;
  dilation: number;
  stride: number;
}

/** The shape of evenly spaced offsets (every convolution's: tapOffsets), or undefined for any other list. */
export function evenlySpaced(offsets: readonly number[], stride: number): TimeTapsShape | undefined {
  const dilation = offsets.length > 1 ? offsets[1]! - offsets[0]! : 1;
  if (dilation < 1 || offsets.some((o, j) => o !== offsets[0]! + j * dilation)) return undefined;
  return { taps: offsets.length, first: offsets[0]!, dilation, stride };
}

function attrs(shape: TimeTapsShape) {
  return [
    { name: 'taps', int: shape.taps },
    { name: 'first', int: shape.first },
    { name: 'dilation', int: shape.dilation },
    { name: 'stride', int: shape.stride },
  ];
}

function timeTapsWith(ops: NativeOps, x: tf.Tensor3D, shape: TimeTapsShape): tf.Tensor4D {
  const time = x.shape[1];
  const taps = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [input] = args as [tf.Tensor3D];
    return {
      value: ops.run('SerTimeTaps', attrs(shape), [input], 1)[0]!,
      gradFunc: (dy: tf.Tensor) => ops.run('SerTimeTapsGrad', [...attrs(shape), { name: 'time', int: time }], [dy], 1)[0]!,
    };
  }) as (input: tf.Tensor3D) => tf.Tensor4D;
  return taps(x);
}

/**
 * out[b, t', j] = x[b, stride * t' + first + j * dilation], zero outside the sequence: [batch, time, in] ->
 * [batch, time / stride, taps, in]. Undefined where the kernel is not loaded (wasm, cpu, GPU, a failed build):
 * the caller computes the same in tfjs ops.
 */
export function timeTapsOnKernel(x: tf.Tensor3D, shape: TimeTapsShape): tf.Tensor4D | undefined {
  const ops = nativeOps();
  if (!ops?.hasCustomOp('SerTimeTaps') || x.shape[1] % shape.stride !== 0) return undefined;
  return timeTapsWith(ops, x, shape);
}
