// Checks, from the project root, that @tensorflow/tfjs-node (or the package named by the first argument,
// e.g. @tensorflow/tfjs-node-gpu) loads, registers its `tensorflow` backend into the same tfjs-core the
// project imports, and computes correctly. Exits non-zero otherwise.
// For the GPU package it also reports whether TensorFlow found a GPU. Without one, TensorFlow runs on the
// CPU and only the loading and that fallback are verified, which the output says; TFJS_NATIVE_REQUIRE_GPU=1
// makes a missing GPU a failure (for a check on a GPU node).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));

function check(condition, message) {
  if (!condition) {
    console.error(`[tfjs-native] check failed: ${message}`);
    process.exit(1);
  }
}

const packageName = process.argv[2] ?? '@tensorflow/tfjs-node';
const gpuPackage = packageName === '@tensorflow/tfjs-node-gpu';
const tfnode = require(packageName);
// The project imports tfjs as ESM; under Node that is the same CJS module instance, checked here.
const tf = await import('@tensorflow/tfjs');

const nodeDir = dirname(require.resolve(`${packageName}/package.json`));
const ourCore = require.resolve('@tensorflow/tfjs-core');
const theirCore = require.resolve('@tensorflow/tfjs-core', { paths: [nodeDir] });
check(ourCore === theirCore, `${packageName} resolves tfjs-core at ${theirCore}, the project at ${ourCore}`);
check(tf.findBackendFactory('tensorflow') !== null, "the project's tfjs has no 'tensorflow' backend registered");

const switched = await tf.setBackend('tensorflow');
check(switched && tf.getBackend() === 'tensorflow', `active backend is ${tf.getBackend()}, not tensorflow`);

const product = tf
  .matMul(
    tf.tensor2d([
      [1, 2],
      [3, 4],
    ]),
    tf.tensor2d([
      [5, 6],
      [7, 8],
    ]),
  )
  .dataSync();
check(Array.from(product).join() === '19,22,43,50', `matMul gave ${Array.from(product).join()}`);

const backend = tf.backend();
const version = tfnode.version['tfjs-node']; // the GPU package reports under the same key
check(backend.isGPUPackage === gpuPackage, `isGPUPackage is ${backend.isGPUPackage} for ${packageName}`);
let device = '';
if (gpuPackage) {
  if (process.env.TFJS_NATIVE_REQUIRE_GPU === '1') check(backend.isUsingGpuDevice, 'TensorFlow found no usable GPU (TFJS_NATIVE_REQUIRE_GPU=1)');
  device = backend.isUsingGpuDevice ? ', on a GPU' : '; NO GPU device found, so the matMul ran on the CPU: CUDA/cuDNN and the GPU kernels are NOT verified';
}
console.log(
  `[tfjs-native] ok: ${packageName} ${version}, TensorFlow C library ${backend.binding.TF_Version}, ` + `backend '${tf.getBackend()}', matMul correct${device}`,
);
