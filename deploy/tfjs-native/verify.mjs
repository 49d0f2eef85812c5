// Checks, from the project root, that @tensorflow/tfjs-node loads, registers its `tensorflow` backend
// into the same tfjs-core the project imports, and computes correctly. Exits non-zero otherwise.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));

function check(condition, message) {
  if (!condition) {
    console.error(`[tfjs-native] check failed: ${message}`);
    process.exit(1);
  }
}

const tfnode = require('@tensorflow/tfjs-node');
// The project imports tfjs as ESM; under Node that is the same CJS module instance, checked here.
const tf = await import('@tensorflow/tfjs');

const nodeDir = dirname(require.resolve('@tensorflow/tfjs-node/package.json'));
const ourCore = require.resolve('@tensorflow/tfjs-core');
const theirCore = require.resolve('@tensorflow/tfjs-core', { paths: [nodeDir] });
check(ourCore === theirCore, `tfjs-node resolves tfjs-core at ${theirCore}, the project at ${ourCore}`);
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

const binding = tf.backend().binding;
console.log(
  `[tfjs-native] ok: tfjs-node ${tfnode.version['tfjs-node']}, TensorFlow C library ${binding.TF_Version}, ` + `backend '${tf.getBackend()}', matMul correct`,
);
