import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { frontEndThroughput, wavFilesUnder } from '@ser/audio';
import { CliError, usageError } from '../cli-error';

const HELP = `Usage:
  ser bench features DIR [--json]   front-end throughput over every .wav under DIR, one thread, decoding and
                                    resampling included (like mel_reference.py bench): x_realtime, files_per_s
  ser bench fop-train [--json] [--steps N] [--warmup N]
                                    the paper's FOP training step (batch 32 x 200 frames): trainMedianMs
  ser bench fop-infer [--json] [--steps N] [--warmup N]
                                    FOP inference on 1 x 500 frames: infMedianMs
The FOP benchmarks run on the backend @ser/tfjs-backend selects (SER_TFJS_BACKEND to force one) and name it.
`;

export async function benchCommand(argv: string[]): Promise<void> {
  const [what, ...rest] = argv;
  if (!what || what === '--help' || what === '-h') return void process.stdout.write(HELP);
  if (what === 'fop-train' || what === 'fop-infer') return fopBench(what, rest);
  if (what !== 'features') throw usageError(`unknown benchmark '${what}' (available: features, fop-train, fop-infer)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length !== 1) throw usageError(`bench features takes one folder\n\n${HELP}`);
  const dir = resolve(positionals[0]!);
  if (!existsSync(dir)) throw new CliError(`${dir} does not exist`);
  const files = wavFilesUnder(dir);
  if (files.length === 0) throw new CliError(`no .wav files under ${dir}`);
  const r = frontEndThroughput(files);
  const result = {
    tool: 'ser',
    threads: 1,
    files: r.files,
    audio_seconds: round(r.audioSeconds, 2),
    wall_seconds: round(r.wallSeconds, 3),
    files_per_s: round(r.files / r.wallSeconds, 1),
    x_realtime: round(r.xRealtime, 1),
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(result)}\n`
      : `${result.files} files, ${result.audio_seconds} s of audio in ${result.wall_seconds} s: ${result.x_realtime}x real time, ${result.files_per_s} files/s\n`,
  );
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

async function fopBench(what: 'fop-train' | 'fop-infer', argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, steps: { type: 'string' }, warmup: { type: 'string' } } });
  const { initTfjs } = await import('@ser/tfjs-backend');
  const { createFopSpeedProbe, median } = await import('@ser/models');
  const { backend } = await initTfjs();
  const slow = backend === 'wasm' || backend === 'cpu';
  const steps = values.steps ? Number(values.steps) : what === 'fop-train' ? (slow ? 2 : 5) : 10;
  const warmup = values.warmup ? Number(values.warmup) : slow ? 1 : 2;
  if (![steps, warmup].every((n) => Number.isInteger(n) && n >= 0) || steps < 1) throw usageError('--steps and --warmup take integers (steps >= 1)');
  const probe = createFopSpeedProbe();
  try {
    const result =
      what === 'fop-train'
        ? (await probe.train(warmup, 'warmup'), { bench: what, backend, steps, trainMedianMs: round(median(await probe.train(steps, 'step')), 1) })
        : (await probe.infer(warmup), { bench: what, backend, steps, infMedianMs: round(median(await probe.infer(steps)), 2) });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(result)}\n`
        : `${Object.entries(result)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}\n`,
    );
  } finally {
    probe.dispose();
  }
}
