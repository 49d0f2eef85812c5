/**
 * One training step of each benched model at its bench's sizes (test/bench/{tacn,cnn,vqvae,fop,attention-lstm}.ts), with the
 * trainers' fused optimizer or tfjs's own (same steps, one rule pass per variable), for step-profile.ts and
 * optimizer-ab.ts. Two steps made with the same model start from the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import { createTacnFrontEnd } from '@ser/audio';
import {
  createAdadelta,
  attentionLstmLoss,
  createAdam,
  createAttentionLstm,
  createCnn,
  createFop,
  createTacn,
  createVqvae,
  fopNextFrameLoss,
  sequenceClassifierLoss,
  vqvaeLosses,
  type NamedVariables,
} from '@ser/models';

export const BENCH_MODELS = ['tacn', 'cnn', 'vqvae', 'fop', 'attention-lstm'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];
export type OptimizerKind = 'fused' | 'tfjs';

export interface BenchStep {
  variables: NamedVariables;
  optimizer: tf.Optimizer;
  loss(seed: number): tf.Scalar;
  dispose(): void;
}

/** Adadelta lr 1.0: the TACN paper's optimizer (sec. 3.2), which the TACN and CNN benches train with. */
const adadelta = (kind: OptimizerKind) => (kind === 'fused' ? createAdadelta() : tf.train.adadelta(1.0, 0.95, 1e-7));
const adam = (kind: OptimizerKind, learningRate: number) => (kind === 'fused' ? createAdam({ learningRate }) : tf.train.adam(learningRate, 0.9, 0.999, 1e-8));

function tacnStep(kind: OptimizerKind): BenchStep {
  const frontEnd = createTacnFrontEnd();
  const segments = frontEnd.segmentCount(3 * frontEnd.config.sampleRate);
  const tacn = createTacn({}, 0);
  const x = tf.randomNormal([128, segments, tacn.config.inputUnits], 0, 1, 'float32', 1) as tf.Tensor3D;
  const labels = Array.from({ length: 128 }, (_, i) => i % tacn.config.numClasses);
  const optimizer = adadelta(kind);
  return {
    variables: tacn.variables,
    optimizer,
    loss: (seed) => sequenceClassifierLoss(tacn, x, labels, { training: true, seed }),
    dispose: () => {
      tf.dispose(x);
      optimizer.dispose();
      tacn.dispose();
    },
  };
}

function cnnStep(kind: OptimizerKind): BenchStep {
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
  const optimizer = adadelta(kind);
  return {
    variables: { ...cnn.variables, 'head.kernel': head.kernel, 'head.bias': head.bias },
    optimizer,
    loss: (seed) => tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(cnn.forward(x, { training: true, seed }), head.kernel), head.bias)) as tf.Scalar,
    dispose: () => {
      tf.dispose([x, labels, head.kernel, head.bias]);
      optimizer.dispose();
      cnn.dispose();
    },
  };
}

function vqvaeStep(kind: OptimizerKind): BenchStep {
  const vqvae = createVqvae({}, 0);
  const x = tf.randomNormal([128, vqvae.config.frames, vqvae.config.bins], 0, 1, 'float32', 1) as tf.Tensor3D;
  const optimizer = adam(kind, 2e-4);
  return {
    variables: vqvae.trainableVariables,
    optimizer,
    loss: () => vqvaeLosses(vqvae, x, { updateEma: true }).total,
    dispose: () => {
      tf.dispose(x);
      optimizer.dispose();
      vqvae.dispose();
    },
  };
}

/** The FOP pre-training step of fop.ts: batch 32 x 200 frames x 80 mels, Adam lr 1e-3. */
function fopStep(kind: OptimizerKind): BenchStep {
  const fop = createFop({}, 0);
  const x = tf.randomUniform([32, 200, fop.config.nMels], -1, 1, 'float32', 1) as tf.Tensor3D;
  const optimizer = adam(kind, 1e-3);
  return {
    variables: fop.variables,
    optimizer,
    loss: (seed) => fopNextFrameLoss(fop, x, { training: true, seed }),
    dispose: () => {
      tf.dispose(x);
      optimizer.dispose();
      fop.dispose();
    },
  };
}

/** The attention-LSTM step of attention-lstm.ts: batch 32 x 400 frames x 256, the same lengths, Adam lr 1e-3. */
function attentionLstmStep(kind: OptimizerKind): BenchStep {
  const model = createAttentionLstm({ inputDim: 256, numClasses: 4 }, 0);
  const x = tf.randomNormal([32, 400, 256], 0, 1, 'float32', 1) as tf.Tensor3D;
  const labels = Array.from({ length: 32 }, (_, i) => i % 4);
  const lengths = Array.from({ length: 32 }, (_, i) => 400 - (i % 8) * 10);
  const optimizer = adam(kind, 1e-3);
  return {
    variables: model.variables,
    optimizer,
    loss: (seed) => attentionLstmLoss(model, x, labels, { training: true, seed, lengths }),
    dispose: () => {
      tf.dispose(x);
      optimizer.dispose();
      model.dispose();
    },
  };
}

export function createBenchStep(model: string, kind: OptimizerKind): BenchStep {
  const make = { tacn: tacnStep, cnn: cnnStep, vqvae: vqvaeStep, fop: fopStep, 'attention-lstm': attentionLstmStep }[model as BenchModel];
  if (!make) throw new Error(`--model must be one of ${BENCH_MODELS.join(', ')}, got ${model}`);
  return make(kind);
}

/** Runs one update and waits for its loss. */
export function runStep(step: BenchStep, seed: number): number {
  const cost = step.optimizer.minimize(() => step.loss(seed), true, Object.values(step.variables));
  const loss = cost!.dataSync()[0]!;
  cost!.dispose();
  return loss;
}
