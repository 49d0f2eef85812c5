// What test/bench/tacn.ts and test/bench/vqvae.ts share: options, timing our training step through the shared
// trainLoop, running a PyTorch peer of this folder in the same invocation, the parameter-count check, and the
// report (a table, then one JSON line). Ours and torch alternate round by round, because the machine is shared
// and its load drifts within minutes; the ratio is ours / torch per round, then the median over rounds. Each round
// starts with untimed warm-up steps on both sides.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { countParameters, median, trainLoop, type NamedVariables } from '@ser/models';
import { initTfjs, isBackendKind, type BackendKind, type TfjsRuntime } from '@ser/tfjs-backend';

const PEERS = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3'; // Debian's python3-torch lives there

export interface BenchOptions {
  steps: number;
  warmup: number;
  rounds: number;
  /** Thread counts torch runs with; the ratio is against the fastest. */
  torchThreads: number[];
  backend?: BackendKind;
}

function integerOption(argv: string[], name: string): number | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

function stringOption(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
}

/**
 * --backend wins over SER_TFJS_BACKEND (initTfjs reads that itself); auto picks node > wasm. --tf-threads N sizes
 * TensorFlow's intra- and inter-op pools (TF_NUM_INTRAOP_THREADS / TF_NUM_INTEROP_THREADS, read when the native
 * backend loads, so set before it): by default they take every core, which on a machine loaded far past its cores
 * loses as torch's 2 threads do (test/bench/training-steps.md).
 */
export async function startBackend(argv: string[]): Promise<TfjsRuntime> {
  const backend = stringOption(argv, '--backend');
  if (backend !== undefined && !isBackendKind(backend)) throw new Error(`--backend must be node-gpu, node, wasm or cpu, got ${backend}`);
  const tfThreads = integerOption(argv, '--tf-threads');
  if (tfThreads !== undefined) {
    process.env.TF_NUM_INTRAOP_THREADS = String(tfThreads);
    process.env.TF_NUM_INTEROP_THREADS = String(tfThreads);
  }
  return initTfjs({ prefer: backend });
}

/**
 * Defaults: steps seconds long on wasm/cpu get fewer of them. Torch runs with the threads our backend uses
 * (TensorFlow's native runtime takes every core for its intra-op pool; wasm and cpu run on one) and with 1, and
 * the ratio is against the faster: on a busy machine 2 OpenBLAS threads lose badly, and comparing with that
 * alone would flatter us.
 */
export function benchOptions(argv: string[], runtime: TfjsRuntime): BenchOptions {
  const slow = runtime.kind === 'wasm' || runtime.kind === 'cpu';
  const threads = stringOption(argv, '--torch-threads');
  const torchThreads = threads ? threads.split(',').map(Number) : [...new Set([1, slow ? 1 : availableParallelism()])];
  if (torchThreads.some((t) => !Number.isInteger(t) || t < 1)) throw new Error('--torch-threads needs positive integers, e.g. 1,2');
  return {
    steps: integerOption(argv, '--steps') ?? (slow ? 2 : 5),
    warmup: integerOption(argv, '--warmup') ?? 2,
    rounds: integerOption(argv, '--rounds') ?? 2,
    torchThreads,
    backend: runtime.kind,
  };
}

export interface TrainStep<B> {
  variables: NamedVariables;
  optimizer: tf.Optimizer;
  batch: B;
  lossFn(batch: B, context: { step: number; seed: number }): tf.Scalar;
}

/** Times `count` training steps (forward, backward, update, loss read back) of the project's trainLoop. */
export function createStepTimer<B>(setup: TrainStep<B>, log: (line: string) => void) {
  let step = 0;
  return async (count: number, label: string): Promise<number[]> => {
    const stepMs: number[] = [];
    let last = performance.now();
    const result = await trainLoop({
      variables: setup.variables,
      optimizer: setup.optimizer,
      batches: Array.from({ length: count }, () => setup.batch),
      lossFn: setup.lossFn,
      epochs: 1,
      startStep: step,
      hooks: {
        onBatchEnd: ({ step: s, loss }) => {
          const now = performance.now();
          stepMs.push(now - last);
          log(`${label} step ${s}: ${(now - last).toFixed(0)} ms, loss ${loss.toFixed(4)}`);
          last = now;
        },
      },
    });
    step = result.steps;
    return stepMs;
  };
}

export interface PeerResult {
  version: string;
  threads: number;
  params: number;
  trainMedianMs: number;
  stepsMs: number[];
}

/** Runs a peer script of this folder; its last stdout line is its JSON result. */
export function runPeer(script: string, args: string[]): PeerResult {
  const path = resolve(PEERS, script);
  const run = spawnSync(PYTHON, [path, ...args], { encoding: 'utf8', timeout: 600_000 });
  const line = run.stdout?.trim().split('\n').pop();
  if (run.status !== 0 || !line) throw new Error(`${PYTHON} ${path} failed (status ${run.status}): ${run.stderr || run.error?.message}`);
  return JSON.parse(line) as PeerResult;
}

export interface SideBySide {
  /** e.g. "TACN, batch 128 x 21 segments x 256". */
  title: string;
  runtime: TfjsRuntime;
  options: BenchOptions;
  variables: NamedVariables;
  /** Times our steps; see createStepTimer. */
  train(count: number, label: string): Promise<number[]>;
  peer: { script: string; args: string[] };
  /** Shapes and choices echoed into the JSON line. */
  details: Record<string, unknown>;
}

/** Runs both sides, prints the table and the JSON line; exits non-zero when the parameter counts differ. */
export async function runSideBySide(bench: SideBySide): Promise<void> {
  const { options, runtime } = bench;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const params = countParameters(bench.variables);
  const ours: number[] = [];
  const torch = new Map<number, PeerResult[]>(options.torchThreads.map((t) => [t, []]));
  const roundRatios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    // Every round warms up as the peer does (a fresh process each round, its warm-up untimed): here the first step
    // after the peer ran pays as many page faults as the very first one (TACN: ~440k, 1.6-1.7 s against 0.9 s),
    // which a training run that never pauses does not (training-steps.md).
    await bench.train(options.warmup, `round ${round} warm-up`);
    const mine = await bench.train(options.steps, `round ${round}`);
    ours.push(...mine);
    const runs = options.torchThreads.map((threads) =>
      runPeer(bench.peer.script, [...bench.peer.args, '--threads', String(threads), '--steps', String(options.steps), '--warmup', String(options.warmup)]),
    );
    for (const r of runs) {
      torch.get(r.threads)?.push(r);
      log(`round ${round} torch ${r.threads} thr: ${r.trainMedianMs.toFixed(0)} ms`);
      if (r.params !== params) {
        // Not the same model: a speed ratio would mean nothing.
        console.error(`parameter counts differ: ours ${params}, torch ${r.params} (${bench.peer.script})`);
        process.exitCode = 1;
        return;
      }
    }
    roundRatios.push(median(mine) / Math.min(...runs.map((r) => r.trainMedianMs)));
  }

  const oursMs = median(ours);
  const torchRows = [...torch.values()].map((runs) => ({
    version: runs[0]!.version,
    threads: runs[0]!.threads,
    params: runs[0]!.params,
    trainMedianMs: median(runs.flatMap((r) => r.stepsMs)),
  }));
  const ratio = median(roundRatios);
  const rows: Array<[string, number, number]> = [
    [`tfjs ${runtime.backend} (${runtime.kind})`, params, oursMs],
    ...torchRows.map((t): [string, number, number] => [`torch ${t.version} (${t.threads} thr)`, t.params, t.trainMedianMs]),
  ];
  console.log(
    `${bench.title}; TensorFlow threads ${process.env.TF_NUM_INTRAOP_THREADS ?? 'default'}; ${options.rounds} rounds of ${options.steps} steps after ${options.warmup} warm-up steps; loadavg ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${''.padEnd(32)} ${'parameters'.padStart(12)} ${'train step (median)'.padStart(22)}`);
  for (const [name, p, ms] of rows) console.log(`${name.padEnd(32)} ${p.toLocaleString('en').padStart(12)} ${ms.toFixed(1).padStart(19)} ms`);
  console.log(`ours / torch (median of per-round ratios against the fastest torch): ${ratio.toFixed(2)}x`);
  console.log(
    JSON.stringify({
      backend: runtime.backend,
      kind: runtime.kind,
      tfThreads: process.env.TF_NUM_INTRAOP_THREADS ?? 'default',
      ...bench.details,
      params,
      rounds: options.rounds,
      steps: options.steps,
      warmup: options.warmup,
      oursMedianMs: oursMs,
      torch: torchRows,
      ratio,
      roundRatios,
      loadavg: loadavg(),
    }),
  );
}
