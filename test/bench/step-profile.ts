/**
 * Where a TACN, CNN, VQ-VAE, FOP or attention-LSTM training step spends its time, per kernel (tf.profile), at the sizes of
 * test/bench/{tacn,cnn,vqvae,fop,attention-lstm}.ts, on the backend initTfjs picks. Prints the kernel count of one step (what eager
 * dispatch pays for) and the kernels that take the most time. --optimizer tfjs profiles tfjs's per-variable
 * optimizers instead of the trainers' fused ones. Kernels run through nativeOps (the fused LSTM, the platform's own
 * SerTapAttention and SerTimeTaps) bypass tfjs's engine and are not listed; the wall times include them.
 *   npx tsx test/bench/step-profile.ts --model tacn|cnn|vqvae|fop|attention-lstm [--optimizer fused|tfjs] [--top 30]
 */
import { initTfjs } from '@ser/tfjs-backend';
import { createBenchStep, runStep, type OptimizerKind } from './bench-steps';
import { profileStep } from './profile-step';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const model = option('--model', 'tacn');
const optimizer = option('--optimizer', 'fused');
if (optimizer !== 'fused' && optimizer !== 'tfjs') throw new Error(`--optimizer must be fused or tfjs, got ${optimizer}`);
const top = Number(option('--top', '30'));

const { backend } = await initTfjs();
const step = createBenchStep(model, optimizer as OptimizerKind);
await profileStep(`${model} (${optimizer} optimizer) on ${backend}`, (seed) => void runStep(step, seed), top);
step.dispose();
