/**
 * Where a FOP training step spends its time, per kernel (tf.profile), on the backend initTfjs picks.
 *   npx tsx test/bench/fop-profile.ts [--batch 32] [--frames 200] [--infer]
 */
import * as tf from '@tensorflow/tfjs';
import { createAdam, createFop, fopNextFrameLoss } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { profileStep } from './profile-step';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const [batch, frames] = [arg('--batch', 32), arg('--frames', 200)];
const { backend } = await initTfjs();
const fop = createFop();
const optimizer = createAdam(); // lr 1e-3, as the FOP pre-trainer
const x = tf.randomUniform([batch, frames, 80], -1, 1) as tf.Tensor3D;
const varList = Object.values(fop.variables);
const step = (seed: number) => {
  if (argv.includes('--infer')) {
    const out = fop.forward(x, { training: false });
    out.prediction.dataSync();
    tf.dispose([out.prediction, out.embedded, ...out.hidden]);
    return;
  }
  const cost = optimizer.minimize(() => fopNextFrameLoss(fop, x, { training: true, seed }), true, varList);
  cost!.dataSync();
  cost!.dispose();
};
await profileStep(backend, step, 30);
