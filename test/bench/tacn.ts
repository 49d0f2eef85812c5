/**
 * TACN training-step speed next to PyTorch: batch 128 utterances x the segments of a 3 s utterance at the front
 * end's segment hop (21 of 265 ms every 132.5 ms) x 256 fused features, softmax cross-entropy, Adadelta lr 1.0
 * (the classifier trainer's default, TACN paper sec. 3.2), dropout on, through the shared trainLoop; then, in
 * the same run, peers/tacn_torch.py with the same model config and shapes. Exits 1 if the parameter counts differ.
 *
 *   npx tsx test/bench/tacn.ts [--steps N] [--warmup N] [--rounds N] [--backend node|wasm|cpu] [--torch-threads 1,2] [--tf-threads N]
 *
 * --backend (or SER_TFJS_BACKEND) picks the tfjs backend; torch threads default to the ones our backend uses.
 */
import * as tf from '@tensorflow/tfjs';
import { createTacnFrontEnd } from '@ser/audio';
import { createAdadelta, createTacn, sequenceClassifierLoss } from '@ser/models';
import { benchOptions, createStepTimer, runSideBySide, startBackend } from './peers/side-by-side';

const BATCH = 128; // TACN paper sec. 3.2
const UTTERANCE_SECONDS = 3;

async function main() {
  const argv = process.argv.slice(2);
  const runtime = await startBackend(argv);
  const options = benchOptions(argv, runtime);
  const frontEnd = createTacnFrontEnd();
  const segments = frontEnd.segmentCount(UTTERANCE_SECONDS * frontEnd.config.sampleRate);
  const model = createTacn({}, 0);
  const { inputUnits, numClasses } = model.config;
  const x = tf.randomNormal([BATCH, segments, inputUnits], 0, 1, 'float32', 1) as tf.Tensor3D;
  const labels = Array.from({ length: BATCH }, (_, i) => i % numClasses);
  // Adadelta lr 1.0, rho 0.95, epsilon 1e-7, fused over all variables, as createOptimizer in the classifier trainer.
  const optimizer = createAdadelta();
  const train = createStepTimer(
    {
      variables: model.variables,
      optimizer,
      batch: x,
      lossFn: (batch, context) => sequenceClassifierLoss(model, batch, labels, { training: true, seed: context.seed }),
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  await runSideBySide({
    title: `TACN, batch ${BATCH} x ${segments} segments (${UTTERANCE_SECONDS} s) x ${inputUnits}, Adadelta`,
    runtime,
    options,
    variables: model.variables,
    train,
    peer: { script: 'tacn_torch.py', args: ['--batch', String(BATCH), '--segments', String(segments), '--config', JSON.stringify(model.config)] },
    details: { model: 'tacn', batch: BATCH, segments, config: model.config, optimizer: 'adadelta' },
  });
  tf.dispose(x);
  optimizer.dispose();
  model.dispose();
}

await main();
