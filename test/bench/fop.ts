/**
 * FOP speed, side by side with PyTorch: one training step (batch 32, 200 frames, Adam, L1 next-frame loss,
 * dropout on) through the shared trainLoop, and inference on 1 x 500 frames, median of N after warmup, on the
 * backend initTfjs picks (SER_TFJS_BACKEND=wasm|node|cpu to force one), and the same inference on ONNX Runtime
 * (the exported fop-classifier graph, as SER_INFERENCE_RUNTIME=onnx serves it; --no-onnx skips it); then, in the same run,
 * `fop_torch.py` (Debian python3-torch, 2 threads) with the same shapes. Prints both and ours / torch
 * (<= 1 means at least as fast).
 *
 *   npx tsx test/bench/fop.ts [--json] [--rounds N] [--steps N] [--warmup N] [--inf-steps N] [--torch-threads 1,2] [--no-torch] [--no-onnx]
 *
 * Ours and torch alternate for --rounds rounds (the machine is shared and its load drifts); torch runs with
 * each of --torch-threads (default 1,2) and the ratio is ours / the faster torch, median over rounds. Defaults (3 rounds of 4 steps; 2 of 2 on wasm/cpu, whose steps take seconds)
 * keep a run within a few minutes.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BATCH, createFopSpeedProbe, forwardFlops, FRAMES, INFER_FRAMES, median, summarise, type Measured } from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import { createFopOnnxProbe } from './fop-onnx-probe';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PEER = resolve(repoRoot, '../shared/peers/fop_torch.py');
const PYTHON = '/usr/bin/python3';

function option(argv: string[], name: string): number | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a non-negative integer`);
  return value;
}

interface TorchResult {
  version: string;
  threads: number;
  trainMedianMs: number;
  trainGflops: number;
  infMedianMs: number;
  infGflops: number;
}

function benchTorch(steps: number, infSteps: number, threads: number): TorchResult {
  const args = [PEER, '--steps', String(steps), '--warmup', '2', '--infSteps', String(infSteps), '--threads', String(threads)];
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 300_000 });
  const line = run.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.status !== 0 || !line) throw new Error(`${PYTHON} ${PEER} failed (status ${run.status}): ${run.stderr || run.error?.message}`);
  return JSON.parse(line.slice('RESULT '.length)) as TorchResult;
}

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const { backend, kind } = await initTfjs();
  const slow = backend === 'wasm' || backend === 'cpu';
  const steps = option(argv, '--steps') ?? (slow ? 2 : 4);
  const warmup = option(argv, '--warmup') ?? (slow ? 1 : 2);
  const rounds = option(argv, '--rounds') ?? (slow ? 2 : 3);
  const infSteps = option(argv, '--inf-steps') ?? 10;
  const withTorch = !argv.includes('--no-torch');
  const threadsAt = argv.indexOf('--torch-threads');
  const torchThreads = (threadsAt >= 0 ? argv[threadsAt + 1]! : '1,2').split(',').map(Number);

  // Alternate ours and torch round by round: the machine is shared and its load drifts within minutes.
  const ours = createFopSpeedProbe((line) => process.stderr.write(`${line}\n`));
  const onnx = argv.includes('--no-onnx') ? null : await createFopOnnxProbe();
  const onnxInferMs: number[] = [];
  const mine: Measured = { trainMs: [], inferMs: [] };
  const theirs = new Map<number, TorchResult[]>(torchThreads.map((t) => [t, []]));
  const roundRatios: Array<{ train: number; inference: number; inferenceOnnx?: number }> = [];
  for (let round = 0; round < rounds; round++) {
    // Warm up every round, as the peer does in its fresh process: the first step after the peer ran pays as many
    // page faults as the very first one (test/bench/training-steps.md).
    await ours.train(warmup, `round ${round} warm-up`);
    await ours.infer(3);
    await onnx?.infer(3);
    const trainMs = await ours.train(steps, `round ${round}`);
    const inferMs = await ours.infer(infSteps);
    mine.trainMs.push(...trainMs);
    mine.inferMs.push(...inferMs);
    const onnxMs = onnx ? await onnx.infer(infSteps) : [];
    onnxInferMs.push(...onnxMs);
    if (!withTorch) continue;
    // torch at each thread count; the ratio is against its best: 2 OpenBLAS threads lose badly when the machine
    // is busy, and comparing with that alone would flatter us.
    const runs = torchThreads.map((threads) => benchTorch(steps, infSteps, threads));
    runs.forEach((torch, i) => {
      theirs.get(torchThreads[i]!)!.push(torch);
      process.stderr.write(
        `round ${round} torch ${torch.threads} thr: train ${torch.trainMedianMs.toFixed(0)} ms, inference ${torch.infMedianMs.toFixed(1)} ms\n`,
      );
    });
    const bestTrain = Math.min(...runs.map((r) => r.trainMedianMs));
    const bestInference = Math.min(...runs.map((r) => r.infMedianMs));
    roundRatios.push({
      train: median(trainMs) / bestTrain,
      inference: median(inferMs) / bestInference,
      ...(onnx ? { inferenceOnnx: median(onnxMs) / bestInference } : {}),
    });
  }
  ours.dispose();
  await onnx?.release();

  const oursSummary = { params: ours.params, ...summarise(mine) };
  const torch = [...theirs.values()]
    .filter((runs) => runs.length > 0)
    .map((runs) => ({
      version: runs[0]!.version,
      threads: runs[0]!.threads,
      trainMedianMs: median(runs.map((t) => t.trainMedianMs)),
      trainGflops: median(runs.map((t) => t.trainGflops)),
      infMedianMs: median(runs.map((t) => t.infMedianMs)),
      infGflops: median(runs.map((t) => t.infGflops)),
    }));
  // The ratio of each round (same minutes, same load), then the median over rounds.
  const ratios = roundRatios.length > 0 && {
    train: median(roundRatios.map((r) => r.train)),
    inference: median(roundRatios.map((r) => r.inference)),
    ...(onnx ? { inferenceOnnx: median(roundRatios.map((r) => r.inferenceOnnx!)) } : {}),
  };
  const onnxSummary = onnx && { infMedianMs: median(onnxInferMs), infGflops: forwardFlops(1, INFER_FRAMES) / (median(onnxInferMs) / 1e3) / 1e9 };
  const result = {
    backend,
    kind,
    batch: BATCH,
    frames: FRAMES,
    inferFrames: INFER_FRAMES,
    rounds,
    steps,
    warmup,
    ours: oursSummary,
    onnxRuntime: onnxSummary,
    torch,
    ratios,
    roundRatios,
  };
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  const row = (name: string, r: { trainMedianMs: number; trainGflops: number; infMedianMs: number; infGflops: number }) =>
    `${name.padEnd(28)} ${r.trainMedianMs.toFixed(0).padStart(8)} ms ${r.trainGflops.toFixed(1).padStart(6)} GFLOP/s ` +
    `${r.infMedianMs.toFixed(1).padStart(9)} ms ${r.infGflops.toFixed(1).padStart(6)} GFLOP/s`;
  console.log(
    `FOP, ${ours.params.toLocaleString('en')} parameters; train step: batch ${BATCH} x ${FRAMES} frames; inference: 1 x ${INFER_FRAMES}; ` +
      `${rounds} rounds of ${steps} train steps + ${infSteps} inferences each, after ${warmup} warmup steps`,
  );
  console.log(`${''.padEnd(28)} ${'train step (median)'.padStart(30)} ${'inference (median)'.padStart(28)}`);
  console.log(row(`tfjs ${backend} (${kind})`, oursSummary));
  if (onnxSummary)
    console.log(
      `${'onnxruntime-node (cpu)'.padEnd(28)} ${'-'.padStart(30)} ${onnxSummary.infMedianMs.toFixed(1).padStart(9)} ms ${onnxSummary.infGflops.toFixed(1).padStart(6)} GFLOP/s`,
    );
  for (const t of torch) console.log(row(`torch ${t.version} (${t.threads} thr)`, t));
  if (ratios) {
    const onnxRatio = ratios.inferenceOnnx === undefined ? '' : `, inference on ONNX Runtime ${ratios.inferenceOnnx.toFixed(2)}x`;
    console.log(`ours / best torch (median of per-round ratios): train ${ratios.train.toFixed(2)}x, inference ${ratios.inference.toFixed(2)}x${onnxRatio}`);
  }
}

await main();
