import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { frontEndThroughput, wavFilesUnder } from '@ser/audio';
import { CliError, usageError } from '../cli-error';

const HELP = `Usage: ser bench features DIR [--json]

Front-end throughput over every .wav under DIR on one thread, decoding and resampling included (like
../shared/peers/mel_reference.py bench). Prints x_realtime (audio seconds per wall second) and files_per_s.
`;

export async function benchCommand(argv: string[]): Promise<void> {
  const [what, ...rest] = argv;
  if (!what || what === '--help' || what === '-h') return void process.stdout.write(HELP);
  if (what !== 'features') throw usageError(`unknown benchmark '${what}' (available: features)`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
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
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${result.files} files, ${result.audio_seconds} s of audio in ${result.wall_seconds} s: ${result.x_realtime}x real time, ${result.files_per_s} files/s\n`);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
