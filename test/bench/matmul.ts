// 1024x1024 float32 matMul on every TensorFlow.js backend that loads here, next to PyTorch.
// Each backend runs in its own child process (matmul-worker.ts), PyTorch through Debian's python3.
//
//   npx tsx test/bench/matmul.ts [--size=1024] [--runs=20] [--warmup=3] [--backends=cpu,wasm,node]
//                                [--json[=FILE]]   (JSON to FILE, or to stdout instead of the table)
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PYTHON = '/usr/bin/python3'; // Debian's python3-torch lives there, not in a pyenv/venv python

interface Options {
  size: number;
  runs: number;
  warmup: number;
  backends: string[];
  json?: string | true;
}

interface Row {
  backend: string;
  /** What tf.getBackend() said in the worker, or the PyTorch version. */
  engine?: string;
  /** Median; `minMs` beside it is the least disturbed by other work on a shared machine. */
  ms?: number;
  minMs?: number;
  gflops?: number;
  xPytorch?: number;
  samples?: number;
  error?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { size: 1024, runs: 20, warmup: 3, backends: ['cpu', 'wasm', 'node', 'node-gpu'] };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=', 2) as [string, string | undefined];
    if (key === 'json') opts.json = value ?? true;
    else if (key === 'backends' && value) opts.backends = value.split(',');
    else if ((key === 'size' || key === 'runs' || key === 'warmup') && value && Number(value) > 0) opts[key] = Number(value);
    else throw new Error(`unknown or invalid argument ${arg}`);
  }
  return opts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarize(samplesMs: number[]): Pick<Row, 'ms' | 'minMs' | 'samples'> {
  return { ms: median(samplesMs), minMs: Math.min(...samplesMs), samples: samplesMs.length };
}

function lastJsonLine(stdout: string): { samplesMs: number[]; tfBackend?: string; version?: string; threads?: number } {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line);
}

function firstErrorLine(err: unknown): string {
  const stderr = (err as { stderr?: string }).stderr ?? '';
  // The thrown error's own line (`BackendUnavailableError: ...`), not the source line node prints above it.
  const line = stderr.split('\n').find((l) => /^\s*\w*Error: /.test(l)) ?? (err as Error).message;
  return line.trim().slice(0, 200);
}

async function timeBackend(backend: string, o: Options): Promise<Row> {
  const worker = `${here}matmul-worker.ts`;
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', worker, backend, String(o.size), String(o.runs), String(o.warmup), '60'], {
      cwd: repoRoot,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
      maxBuffer: 1 << 24,
      timeout: 300_000,
    });
    const result = lastJsonLine(stdout);
    return { backend, engine: result.tfBackend, ...summarize(result.samplesMs) };
  } catch (err) {
    return { backend, error: firstErrorLine(err) };
  }
}

async function timePytorch(o: Options): Promise<Row> {
  try {
    const args = [`${here}matmul-torch.py`, String(o.size), String(o.runs), String(o.warmup)];
    const { stdout } = await run(PYTHON, args, { timeout: 300_000 });
    const result = lastJsonLine(stdout);
    const engine = `torch ${result.version}, ${result.threads} threads`;
    return { backend: 'pytorch', engine, ...summarize(result.samplesMs) };
  } catch (err) {
    return { backend: 'pytorch', error: firstErrorLine(err) };
  }
}

function printTable(rows: Row[], o: Options): void {
  console.log(`matMul ${o.size}x${o.size} float32, median of up to ${o.runs} runs after ${o.warmup} warmup`);
  // Other work on the machine slows every row; the load average says how much to trust the numbers.
  console.log(`${availableParallelism()} cores, load average at start ${startLoad.map((l) => l.toFixed(2)).join(' ')}`);
  const header = ['backend'.padEnd(10), 'engine'.padEnd(26), 'ms'.padStart(10), 'min ms'.padStart(10), 'GFLOP/s'.padStart(9)];
  console.log([...header, 'x PyTorch'.padStart(10), 'runs'.padStart(5)].join(' '));
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.backend.padEnd(10)} unavailable: ${r.error}`);
      continue;
    }
    const cells = [
      r.backend.padEnd(10),
      (r.engine ?? '').padEnd(26),
      r.ms!.toFixed(2).padStart(10),
      r.minMs!.toFixed(2).padStart(10),
      r.gflops!.toFixed(1).padStart(9),
      (r.xPytorch === undefined ? '-' : r.xPytorch.toFixed(2)).padStart(10),
      String(r.samples).padStart(5),
    ];
    console.log(cells.join(' '));
  }
}

const opts = parseArgs(process.argv.slice(2));
const startLoad = loadavg();
const rows: Row[] = [await timePytorch(opts)];
// Sequential on purpose: two benchmarks at once would share the two cores and time each other.
for (const backend of opts.backends) rows.push(await timeBackend(backend, opts));

const flop = 2 * opts.size ** 3;
const torchMs = rows[0]?.ms;
for (const r of rows) {
  if (r.ms === undefined) continue;
  r.gflops = flop / (r.ms * 1e6);
  if (torchMs !== undefined) r.xPytorch = r.ms / torchMs;
}

const report = { size: opts.size, runs: opts.runs, warmup: opts.warmup, cores: availableParallelism(), loadAverage: startLoad, rows };
if (opts.json === true) console.log(JSON.stringify(report, null, 2));
else {
  printTable(rows, opts);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
}
