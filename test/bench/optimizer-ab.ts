/**
 * The trainers' fused optimizer against tfjs's per-variable one on the same model and data, steps interleaved in
 * one process (the machine is shared and its load drifts): each round runs one step with each, alternating which
 * goes first. Prints the median step time of each, their ratio, the load average, and how far the two models'
 * weights ended apart (the optimizers take the same steps, so 0 or float noise). Then the update alone: one step's
 * gradients applied --updates times by each optimizer, alternating (what the fusing changed, without the backward).
 *   npx tsx test/bench/optimizer-ab.ts --model tacn|cnn|vqvae|fop [--steps 5] [--warmup 1] [--updates 20]
 */
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { createBenchStep, runStep, type BenchStep } from './bench-steps';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const model = option('--model', 'vqvae');
const steps = Number(option('--steps', '5'));
const warmup = Number(option('--warmup', '1'));
const updates = Number(option('--updates', '20'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg()[0]!.toFixed(1);

function timed(step: BenchStep, seed: number, log: number[]): number {
  const started = performance.now();
  const loss = runStep(step, seed);
  log.push(performance.now() - started);
  return loss;
}

const { backend } = await initTfjs();
const tfjs = createBenchStep(model, 'tfjs');
const fused = createBenchStep(model, 'fused');
const ms = { tfjs: [] as number[], fused: [] as number[] };
const loads: string[] = [load()];
for (let i = 0; i < warmup + steps; i++) {
  const [first, second] = i % 2 === 0 ? (['tfjs', 'fused'] as const) : (['fused', 'tfjs'] as const);
  const losses: Record<string, number> = {};
  const log = { tfjs: [] as number[], fused: [] as number[] };
  for (const kind of [first, second]) losses[kind] = timed(kind === 'tfjs' ? tfjs : fused, i, log[kind]);
  if (i >= warmup) {
    ms.tfjs.push(log.tfjs[0]!);
    ms.fused.push(log.fused[0]!);
  }
  console.log(
    `step ${i}${i < warmup ? ' (warmup)' : ''}: tfjs ${log.tfjs[0]!.toFixed(0)} ms, fused ${log.fused[0]!.toFixed(0)} ms, losses ${losses.tfjs} / ${losses.fused}, load ${load()}`,
  );
  loads.push(load());
}
const apart = Math.max(
  ...Object.keys(tfjs.variables).map((name) => tf.tidy(() => tf.max(tf.abs(tf.sub(tfjs.variables[name]!, fused.variables[name]!))).dataSync()[0]!)),
);
console.log(
  `${model} on ${backend}, ${steps} steps each: median tfjs ${median(ms.tfjs).toFixed(0)} ms, fused ${median(ms.fused).toFixed(0)} ms, ` +
    `fused / tfjs ${(median(ms.fused) / median(ms.tfjs)).toFixed(3)}; weights apart by at most ${apart}; load (1 min) ${loads.join(', ')}`,
);

// The update alone, on gradients computed once.
const { value, grads } = tfjs.optimizer.computeGradients(() => tfjs.loss(0), Object.values(tfjs.variables));
const named = Object.values(tfjs.variables).map((v) => ({ name: v.name, tensor: grads[v.name]! }));
const namedFused = Object.values(fused.variables).map((v, i) => ({ name: v.name, tensor: named[i]!.tensor }));
const updateMs = { tfjs: [] as number[], fused: [] as number[] };
const apply = (kind: 'tfjs' | 'fused') => {
  const started = performance.now();
  if (kind === 'tfjs') tfjs.optimizer.applyGradients(named);
  else fused.optimizer.applyGradients(namedFused);
  // Wait for the last variable's new value (the backends run kernels in order).
  (kind === 'tfjs' ? tfjs : fused).variables[Object.keys(tfjs.variables).at(-1)!]!.dataSync();
  updateMs[kind].push(performance.now() - started);
};
for (let i = 0; i < updates + 1; i++) for (const kind of i % 2 === 0 ? (['tfjs', 'fused'] as const) : (['fused', 'tfjs'] as const)) apply(kind);
const parameters = Object.values(tfjs.variables).reduce((sum, v) => sum + v.size, 0);
console.log(
  `update alone (${Object.keys(tfjs.variables).length} variables, ${parameters} parameters), ${updates} each after one warmup: ` +
    `median tfjs ${median(updateMs.tfjs.slice(1)).toFixed(1)} ms, fused ${median(updateMs.fused.slice(1)).toFixed(1)} ms; load (1 min) ${load()}`,
);
tf.dispose([value, ...Object.values(grads)]);
tfjs.dispose();
fused.dispose();
