// Runs a TensorFlow op by name on the native backend, for kernels TensorFlow has and tfjs does not wrap (the fused
// BlockLSTMV2 of libs/models). tfjs-node's backend executes any op of the C library this way
// (NodeJSKernelBackend.executeMultipleOutputs); its outputs are ordinary tensors of the current tidy scope, and the
// engine records nothing on its gradient tape, so callers wrap them in tf.customGrad.
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { customOpsState, type CustomOp } from './custom-ops';
import { loadedNativePackage } from './native';

const require = createRequire(import.meta.url);

export type NativeOpAttr =
  { name: string; float: number } | { name: string; int: number } | { name: string; bool: boolean } | { name: string; dtype: 'float32' };

/** An int64 scalar input (TensorFlow wants int64 where tfjs has no such dtype, e.g. a sequence length). */
export interface Int64Input {
  int64: number;
}

export interface NativeOps {
  /** Whether the platform's own kernels (custom-ops.ts) are registered, so run() can execute them. */
  hasCustomOp(name: CustomOp): boolean;
  run(name: string, attrs: readonly NativeOpAttr[], inputs: ReadonlyArray<tf.Tensor | Int64Input>, numOutputs: number): tf.Tensor[];
}

interface Binding {
  TF_ATTR_FLOAT: number;
  TF_ATTR_INT: number;
  TF_ATTR_BOOL: number;
  TF_ATTR_TYPE: number;
  TF_FLOAT: number;
}

interface NodeBackend {
  binding: Binding;
  executeMultipleOutputs(name: string, attrs: unknown[], inputs: unknown[], numOutputs: number): tf.Tensor[];
}

type Int64ScalarClass = new (value: number) => object;

let cached: { backend: unknown; ops: NativeOps | undefined } | undefined;

function build(): NativeOps | undefined {
  const pkg = loadedNativePackage();
  const backend = tf.backend() as unknown as Partial<NodeBackend>;
  if (tf.getBackend() !== 'tensorflow' || !pkg || typeof backend.executeMultipleOutputs !== 'function' || !backend.binding) return undefined;
  // The backend recognises int64 inputs by this class of its own package (instanceof), so take it from there.
  const { Int64Scalar } = require(`${pkg}/dist/int64_tensors`) as { Int64Scalar: Int64ScalarClass };
  const binding = backend.binding;
  const attr = (a: NativeOpAttr) =>
    'float' in a
      ? { name: a.name, type: binding.TF_ATTR_FLOAT, value: a.float }
      : 'int' in a
        ? { name: a.name, type: binding.TF_ATTR_INT, value: a.int }
        : 'bool' in a
          ? { name: a.name, type: binding.TF_ATTR_BOOL, value: a.bool }
          : { name: a.name, type: binding.TF_ATTR_TYPE, value: binding.TF_FLOAT };
  const custom = customOpsState().loaded;
  return {
    hasCustomOp: () => custom, // CustomOp names only: ser_ops.node registers all of them or none
    run: (name, attrs, inputs, numOutputs) =>
      backend.executeMultipleOutputs!(
        name,
        attrs.map(attr),
        inputs.map((input) => (input instanceof tf.Tensor ? input : new Int64Scalar(input.int64))),
        numOutputs,
      ),
  };
}

/** The native backend's raw op runner while it is the active backend; undefined on wasm and cpu. */
export function nativeOps(): NativeOps | undefined {
  const backend = tf.backend();
  if (cached?.backend !== backend) cached = { backend, ops: build() };
  return cached.ops;
}
