/**
 * Where a FOP training step spends its time, per kernel (tf.profile), on the backend initTfjs picks.
 *   npx tsx test/bench/fop-profile.ts [--batch 32] [--frames 200] [--infer]
 */
import * as tf from '@tensorflow/tfjs';
import { createFop, fopNextFrameLoss } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const [batch, frames] = [arg('--batch', 32), arg('--frames', 200)];
const { backend } = await initTfjs();
const fop = createFop();
const optimizer = tf.train.adam(1e-3);
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
step(0);
step(1);
const started = performance.now();
const info = await tf.profile(() => step(2));
const wall = performance.now() - started;
const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of info.kernels) {
  const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
  const entry = byKernel.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += Number(k.kernelTimeMs);
  entry.calls++;
  byKernel.set(key, entry);
}
const total = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
console.log(`${backend}: wall ${wall.toFixed(0)} ms (profiled), kernels ${total.toFixed(0)} ms in ${info.kernels.length} calls`);
for (const [key, e] of [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
  console.log(`${e.ms.toFixed(1).padStart(8)} ms ${String(e.calls).padStart(4)}x  ${key}`);
}
const t0 = performance.now();
step(3);
console.log(`unprofiled step ${(performance.now() - t0).toFixed(0)} ms`);
