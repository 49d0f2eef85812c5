/**
 * VQ-VAE training-step speed next to PyTorch: batch 128 segments of 32x129, loss MSE + codebook + beta x
 * commitment (DEFAULT_VQVAE_CONFIG: codebook loss, not EMA), Adam lr 2e-4 (the VQ-VAE pre-trainer's default),
 * through the shared trainLoop; then, in the same run, peers/vqvae_torch.py with the same model config and
 * shapes. Exits 1 if the parameter counts differ.
 *
 *   npx tsx test/bench/vqvae.ts [--steps N] [--warmup N] [--rounds N] [--backend node|wasm|cpu] [--torch-threads 1,2] [--tf-threads N]
 *
 * --backend (or SER_TFJS_BACKEND) picks the tfjs backend; torch threads default to the ones our backend uses.
 */
import * as tf from '@tensorflow/tfjs';
import { createAdam, createVqvae, vqvaeLosses } from '@ser/models';
import { benchOptions, createStepTimer, runSideBySide, startBackend } from './peers/side-by-side';

const BATCH = 128; // the VQ-VAE pre-trainer's default batch
const LEARNING_RATE = 2e-4; // the VQ-VAE pre-trainer's default

async function main() {
  const argv = process.argv.slice(2);
  const runtime = await startBackend(argv);
  const options = benchOptions(argv, runtime);
  const model = createVqvae({}, 0);
  const { frames, bins, hiddenChannels, embeddingDim, codebookSize, downsamplings, beta } = model.config;
  const x = tf.randomNormal([BATCH, frames, bins], 0, 1, 'float32', 1) as tf.Tensor3D;
  const optimizer = createAdam({ learningRate: LEARNING_RATE });
  const train = createStepTimer(
    // As the pre-trainer: updateEma is a no-op with the default (non-EMA) codebook.
    { variables: model.trainableVariables, optimizer, batch: x, lossFn: (batch) => vqvaeLosses(model, batch, { updateEma: true }).total },
    (line) => process.stderr.write(`${line}\n`),
  );
  const peerConfig = { frames, bins, hiddenChannels, embeddingDim, codebookSize, downsamplings, beta };
  if (model.config.ema) throw new Error('the torch peer trains the codebook by its loss; EMA is not mirrored there');
  await runSideBySide({
    title: `VQ-VAE, batch ${BATCH} x ${frames}x${bins}, K ${codebookSize} x ${embeddingDim}, Adam`,
    runtime,
    options,
    variables: model.trainableVariables,
    train,
    peer: { script: 'vqvae_torch.py', args: ['--batch', String(BATCH), '--config', JSON.stringify(peerConfig)] },
    details: { model: 'vqvae', batch: BATCH, config: model.config, optimizer: 'adam', learningRate: LEARNING_RATE },
  });
  tf.dispose(x);
  optimizer.dispose();
  model.dispose();
}

await main();
