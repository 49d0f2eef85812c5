/**
 * CNN training-step speed next to PyTorch: the deep-representation CNN of the TACN runs (DEFAULT_CNN_CONFIG,
 * Satt et al.'s 16/24/32 filters, 12x16 / 8x12 / 5x7 kernels, 2x2 max-pooling, dropout, 128-unit FC) on a batch of
 * 512 segments of 32x129 (32 utterances x 16 segments), a 4-class linear head, softmax cross-entropy, Adadelta
 * lr 1.0 (the classifier trainer's default), through the shared trainLoop; then, in the same run,
 * peers/cnn_torch.py with the same sizes. Exits 1 if the parameter counts differ.
 *
 *   npx tsx test/bench/cnn.ts [--steps N] [--warmup N] [--rounds N] [--backend node|wasm|cpu] [--torch-threads 1,2] [--tf-threads N]
 *     [--small]   the experiments' --model-size small CNN (4/8/8 filters, 32 units)
 */
import * as tf from '@tensorflow/tfjs';
import { createAdadelta, createCnn, DEFAULT_CNN_CONFIG } from '@ser/models';
import { benchOptions, createStepTimer, runSideBySide, startBackend } from './peers/side-by-side';

const SEGMENTS = 512; // 32 utterances x 16 segments
const CLASSES = 4;

async function main() {
  const argv = process.argv.slice(2);
  const runtime = await startBackend(argv);
  const options = benchOptions(argv, runtime);
  const small = argv.includes('--small');
  const filters = small ? [4, 8, 8] : DEFAULT_CNN_CONFIG.layers.map((l) => l.filters);
  const cnn = createCnn(
    { layers: DEFAULT_CNN_CONFIG.layers.map((l, i) => ({ ...l, filters: filters[i]! })), ...(small ? { representationUnits: 32 } : {}) },
    0,
  );
  const { frames, bins, representationUnits, dropout } = cnn.config;
  const head = { kernel: tf.variable(tf.randomUniform([representationUnits, CLASSES], -0.1, 0.1, 'float32', 2)), bias: tf.variable(tf.zeros([CLASSES])) };
  const x = tf.randomNormal([SEGMENTS, frames, bins], 0, 1, 'float32', 1) as tf.Tensor3D;
  const labels = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: SEGMENTS }, (_, i) => i % CLASSES),
      'int32',
    ),
    CLASSES,
  );
  const optimizer = createAdadelta(); // lr 1.0, as createOptimizer in the classifier trainer
  const variables = { ...cnn.variables, 'head.kernel': head.kernel, 'head.bias': head.bias };
  const train = createStepTimer(
    {
      variables,
      optimizer,
      batch: x,
      lossFn: (batch, context) =>
        tf.losses.softmaxCrossEntropy(
          labels,
          tf.add(tf.matMul(cnn.forward(batch, { training: true, seed: context.seed }), head.kernel), head.bias),
        ) as tf.Scalar,
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  const peerConfig = { frames, bins, filters, kernels: cnn.config.layers.map((l) => l.kernel), representationUnits, dropout, classes: CLASSES };
  await runSideBySide({
    title: `CNN (${filters.join('/')} filters), batch ${SEGMENTS} x ${frames}x${bins}, Adadelta`,
    runtime,
    options,
    variables,
    train,
    peer: { script: 'cnn_torch.py', args: ['--batch', String(SEGMENTS), '--config', JSON.stringify(peerConfig)] },
    details: { model: 'cnn', batch: SEGMENTS, config: peerConfig, optimizer: 'adadelta' },
  });
  tf.dispose([x, labels, head.kernel, head.bias]);
  optimizer.dispose();
  cnn.dispose();
}

await main();
