/**
 * The profiling loop the step profilers share: two warm-up steps (kernel compilation and first allocations stay out
 * of the figures), one step under tf.profile, its kernels grouped by name and by name + input shapes, then one
 * unprofiled step for the profiler's own overhead.
 */
import * as tf from '@tensorflow/tfjs';

interface KernelTotal {
  ms: number;
  calls: number;
}

type Kernel = Awaited<ReturnType<typeof tf.profile>>['kernels'][number];

function groupKernels(kernels: readonly Kernel[], keyOf: (k: Kernel) => string): Map<string, KernelTotal> {
  const totals = new Map<string, KernelTotal>();
  for (const k of kernels) {
    const key = keyOf(k);
    const entry = totals.get(key) ?? { ms: 0, calls: 0 };
    entry.ms += Number(k.kernelTimeMs);
    entry.calls++;
    totals.set(key, entry);
  }
  return totals;
}

const byTime = (totals: Map<string, KernelTotal>) => [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms);

/** Profiles `step(seed)` (seeds 0-3 are used in turn) and prints where its time goes; `label` heads the summary. */
export async function profileStep(label: string, step: (seed: number) => void, top: number): Promise<void> {
  step(0);
  step(1);
  const started = performance.now();
  const info = await tf.profile(() => step(2));
  const wall = performance.now() - started;
  const byKernel = groupKernels(info.kernels, (k) => `${k.name} ${JSON.stringify(k.inputShapes)}`);
  const byName = groupKernels(info.kernels, (k) => k.name);
  const total = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
  console.log(`${label}: wall ${wall.toFixed(0)} ms (profiled), kernels ${total.toFixed(0)} ms in ${info.kernels.length} calls`);
  console.log('by kernel name:');
  for (const [name, e] of byTime(byName)) console.log(`${e.ms.toFixed(1).padStart(8)} ms ${String(e.calls).padStart(5)}x  ${name}`);
  console.log(`top ${top} by kernel and input shapes:`);
  for (const [key, e] of byTime(byKernel).slice(0, top)) console.log(`${e.ms.toFixed(1).padStart(8)} ms ${String(e.calls).padStart(4)}x  ${key}`);
  const t0 = performance.now();
  step(3);
  console.log(`unprofiled step ${(performance.now() - t0).toFixed(0)} ms`);
}
