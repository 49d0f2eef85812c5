/**
 * Attention-LSTM training-step speed next to PyTorch: the FOP paper's third hypercolumn classifier on a batch of
 * 32 sequences (FOP paper sec. 4.1) of 400 frames (4 s, about a RAVDESS clip) x 256 features (h1, h2 or h_add at
 * paper size), class-weighted softmax cross-entropy, Adam lr 1e-3, dropout on, through the shared trainLoop; then,
 * in the same run, peers/attention_lstm_torch.py (nn.LSTM, the same attention pooling and head). Exits 1 if the
 * parameter counts differ. The RAVDESS FOP Table 2 attention-LSTM column waits on this step (docs/results/PLAN.md).
 *
 *   npx tsx test/bench/attention-lstm.ts [--steps N] [--warmup N] [--rounds N] [--frames N] [--dim N] [--backend node|wasm|cpu] [--torch-threads 1,2] [--tf-threads N]
 */
import * as tf from '@tensorflow/tfjs';
import { attentionLstmLoss, createAdam, createAttentionLstm } from '@ser/models';
import { benchOptions, createStepTimer, runSideBySide, startBackend } from './peers/side-by-side';

const BATCH = 32; // FOP paper sec. 4.1
const CLASSES = 4;

function sizeOption(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at < 0 ? fallback : Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

async function main() {
  const argv = process.argv.slice(2);
  const runtime = await startBackend(argv);
  const options = benchOptions(argv, runtime);
  const frames = sizeOption(argv, '--frames', 400);
  const dim = sizeOption(argv, '--dim', 256);
  const model = createAttentionLstm({ inputDim: dim, numClasses: CLASSES }, 0);
  const x = tf.randomNormal([BATCH, frames, dim], 0, 1, 'float32', 1) as tf.Tensor3D;
  const labels = Array.from({ length: BATCH }, (_, i) => i % CLASSES);
  // Every sequence but the first is a little shorter, as in a length-sorted batch of real clips: the masks run.
  const lengths = Array.from({ length: BATCH }, (_, i) => frames - (i % 8) * Math.floor(frames / 40));
  const optimizer = createAdam({ learningRate: 1e-3 });
  const train = createStepTimer(
    {
      variables: model.variables,
      optimizer,
      batch: x,
      lossFn: (batch, context) => attentionLstmLoss(model, batch, labels, { training: true, seed: context.seed, lengths }),
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  await runSideBySide({
    title: `Attention-LSTM, batch ${BATCH} x ${frames} frames x ${dim}, Adam`,
    runtime,
    options,
    variables: model.variables,
    train,
    peer: {
      script: 'attention_lstm_torch.py',
      args: ['--batch', String(BATCH), '--frames', String(frames), '--dim', String(dim), '--config', JSON.stringify(model.config)],
    },
    details: { model: 'attention-lstm', batch: BATCH, frames, dim, config: model.config, optimizer: 'adam' },
  });
  tf.dispose(x);
  optimizer.dispose();
  model.dispose();
}

await main();
