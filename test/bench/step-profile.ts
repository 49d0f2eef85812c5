/**
 * Where a TACN, CNN or VQ-VAE training step spends its time, per kernel (tf.profile), at the sizes of
 * test/bench/{tacn,cnn,vqvae}.ts, on the backend initTfjs picks. Prints the kernel count of one step (what eager
 * dispatch pays for) and the kernels that take the most time.
 *   npx tsx test/bench/step-profile.ts --model tacn|cnn|vqvae [--top 30]
 */
import * as tf from '@tensorflow/tfjs';
import { createTacnFrontEnd } from '@ser/audio';
import { createAdam, createCnn, createTacn, createVqvae, sequenceClassifierLoss, vqvaeLosses, type NamedVariables } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { profileStep } from './profile-step';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const model = option('--model', 'tacn');
const top = Number(option('--top', '30'));

interface Step {
  variables: NamedVariables;
  optimizer: tf.Optimizer;
  loss(seed: number): tf.Scalar;
}

function tacnStep(): Step {
  const frontEnd = createTacnFrontEnd();
  const segments = frontEnd.segmentCount(3 * frontEnd.config.sampleRate);
  const tacn = createTacn({}, 0);
  const x = tf.randomNormal([128, segments, tacn.config.inputUnits], 0, 1, 'float32', 1) as tf.Tensor3D;
  const labels = Array.from({ length: 128 }, (_, i) => i % tacn.config.numClasses);
  return { variables: tacn.variables, optimizer: tf.train.adadelta(1.0), loss: (seed) => sequenceClassifierLoss(tacn, x, labels, { training: true, seed }) };
}

function cnnStep(): Step {
  const cnn = createCnn({}, 0);
  const x = tf.randomNormal([512, cnn.config.frames, cnn.config.bins], 0, 1, 'float32', 1) as tf.Tensor3D;
  const head = { kernel: tf.variable(tf.randomUniform([cnn.config.representationUnits, 4], -0.1, 0.1, 'float32', 2)), bias: tf.variable(tf.zeros([4])) };
  const labels = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 512 }, (_, i) => i % 4),
      'int32',
    ),
    4,
  );
  return {
    variables: { ...cnn.variables, 'head.kernel': head.kernel, 'head.bias': head.bias },
    optimizer: tf.train.adadelta(1.0),
    loss: (seed) => tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(cnn.forward(x, { training: true, seed }), head.kernel), head.bias)) as tf.Scalar,
  };
}

function vqvaeStep(): Step {
  const vqvae = createVqvae({}, 0);
  const x = tf.randomNormal([128, vqvae.config.frames, vqvae.config.bins], 0, 1, 'float32', 1) as tf.Tensor3D;
  return { variables: vqvae.trainableVariables, optimizer: createAdam({ learningRate: 2e-4 }), loss: () => vqvaeLosses(vqvae, x, { updateEma: true }).total };
}

const { backend } = await initTfjs();
const setup = ({ tacn: tacnStep, cnn: cnnStep, vqvae: vqvaeStep } as Record<string, () => Step>)[model];
if (!setup) throw new Error(`--model must be tacn, cnn or vqvae, got ${model}`);
const { variables, optimizer, loss } = setup();
const varList = Object.values(variables);
const step = (seed: number) => {
  const cost = optimizer.minimize(() => loss(seed), true, varList);
  cost!.dataSync();
  cost!.dispose();
};
await profileStep(`${model} on ${backend}`, step, top);
