import * as tf from '@tensorflow/tfjs';
import { matMul2d } from './matmul';
import type { VariableFactory } from './variables';

export interface DenseParams {
  kernel: tf.Variable; // [in, out]
  bias: tf.Variable; // [out]
}

/** A fully connected layer initialised like PyTorch's nn.Linear (uniform +-1/sqrt(in)), so both start alike. */
export function createDense(factory: VariableFactory, name: string, inUnits: number, outUnits: number): DenseParams {
  return {
    kernel: factory.fanIn(`${name}.kernel`, [inUnits, outUnits], inUnits),
    bias: factory.fanIn(`${name}.bias`, [outUnits], inUnits),
  };
}

/** x @ kernel + bias on rows of features: [rows, in] -> [rows, out]. */
export function dense(params: DenseParams, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(matMul2d(x, params.kernel as tf.Tensor2D), params.bias); // [rows, out]
}
