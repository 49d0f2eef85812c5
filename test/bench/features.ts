/**
 * Front-end throughput, side by side with torchaudio: decode + resample to 16 kHz + 80-dim log-mel
 * over every .wav under DIR on one thread, then `mel_reference.py bench DIR --threads 1` over the
 * same files, alternating for --rounds rounds (default 3) because shared machines drift. Prints
 * each round, the median x-real-time of both, and the ratio project / torchaudio (>= 1 means at
 * least as fast) as the median of the per-round ratios: each round pairs two runs taken seconds
 * apart, which cancels most of the load other processes put on the machine.
 *
 *   npx tsx test/bench/features.ts [DIR] [--json] [--rounds N] [--stages]
 *
 * --stages adds the project's per-stage cost (best of the rounds, seconds per 1000 s of audio, on
 * clips already in memory): decode, then resample and log-mel each through both engines (the generated
 * WebAssembly kernels and the JavaScript paths): the measurement behind frame-kernel.ts and resample-wasm.ts.
 *
 * DIR defaults to ../shared/data/urdu (400 real clips, 44.1 kHz 16-bit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createLogMel, decodeWav, frontEndThroughput, resample, wavFilesUnder, type Throughput } from '@ser/audio';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PEER = resolve(repoRoot, '../shared/peers/mel_reference.py');
const PYTHON = '/usr/bin/python3';

function parseArgs(argv: string[]) {
  const json = argv.includes('--json');
  const stages = argv.includes('--stages');
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (roundsAt < 0 || i !== roundsAt + 1));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a positive integer');
  return { json, stages, rounds, dir: resolve(positional[0] ?? join(repoRoot, '../shared/data/urdu')) };
}

function benchTorchaudio(dir: string): Throughput & { version: string } {
  const run = spawnSync(PYTHON, [PEER, 'bench', dir, '--threads', '1'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`torchaudio peer failed: ${run.error?.message ?? run.stderr.trim()}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const r = JSON.parse(line) as { version: string; files: number; audio_seconds: number; wall_seconds: number; x_realtime: number };
  return { version: r.version, files: r.files, audioSeconds: r.audio_seconds, wallSeconds: r.wall_seconds, xRealtime: r.x_realtime };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Best-of-`rounds` seconds per 1000 s of audio for each stage, every clip held in memory first. */
function stageCosts(files: string[], rounds: number): Record<string, number> {
  const bytes = files.map((f) => readFileSync(f));
  const decoded = bytes.map((b) => decodeWav(b));
  const clips = decoded.map((d) => resample(d.samples, d.sampleRate, 16000));
  const audioSeconds = clips.reduce((sum, c) => sum + c.length, 0) / 16000;
  const [wasm, javascript] = [createLogMel({}, 'wasm'), createLogMel({}, 'javascript')];
  const stages: Record<string, () => void> = {
    decode: () => bytes.forEach((b) => decodeWav(b)),
    'resample (wasm kernel)': () => decoded.forEach((d) => resample(d.samples, d.sampleRate, 16000)),
    'resample (javascript)': () => decoded.forEach((d) => resample(d.samples, d.sampleRate, 16000, { engine: 'javascript' })),
    'log-mel (wasm kernel)': () => clips.forEach((c) => wasm.compute(c)),
    'log-mel (javascript)': () => clips.forEach((c) => javascript.compute(c)),
  };
  const best: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(stages)) {
      const start = performance.now();
      run();
      const perThousand = (performance.now() - start) / audioSeconds; // ms per s = s per 1000 s
      best[name] = Math.min(best[name] ?? Infinity, Number(perThousand.toFixed(3)));
    }
  }
  return best;
}

function main(): void {
  const { json, stages, rounds, dir } = parseArgs(process.argv.slice(2));
  if (!existsSync(dir)) {
    console.error(`benchmark corpus not found: ${dir}\n(the URDU clips live in ../shared/data/urdu beside the repository; pass another DIR of .wav files)`);
    process.exit(1);
  }
  const files = wavFilesUnder(dir);
  if (files.length === 0) {
    console.error(`no .wav files under ${dir}`);
    process.exit(1);
  }
  if (!existsSync(PEER)) {
    console.error(`torchaudio peer not found: ${PEER}`);
    process.exit(1);
  }
  const results: { project: Throughput; torchaudio: Throughput & { version: string } }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const project = frontEndThroughput(files); // readFile + decodeWav + resample + logMel per file
    const torchaudio = benchTorchaudio(dir);
    results.push({ project, torchaudio });
    if (!json) {
      console.log(
        `round ${round}: project ${project.xRealtime.toFixed(1)}x real time (${project.wallSeconds.toFixed(3)} s), ` +
          `torchaudio ${torchaudio.xRealtime.toFixed(1)}x (${torchaudio.wallSeconds.toFixed(3)} s), ratio ${(project.xRealtime / torchaudio.xRealtime).toFixed(2)}`,
      );
    }
  }
  const projectX = median(results.map((r) => r.project.xRealtime));
  const torchX = median(results.map((r) => r.torchaudio.xRealtime));
  const ratioPerRound = results.map((r) => r.project.xRealtime / r.torchaudio.xRealtime);
  const summary = {
    dir,
    files: files.length,
    audioSeconds: Number(results[0]!.project.audioSeconds.toFixed(2)),
    threads: 1,
    rounds: results,
    project: { xRealtime: Number(projectX.toFixed(1)), node: process.version },
    torchaudio: { xRealtime: torchX, version: results[0]!.torchaudio.version },
    ratio: Number(median(ratioPerRound).toFixed(3)),
    ratioOfMedians: Number((projectX / torchX).toFixed(3)),
    ratioPerRound: ratioPerRound.map((r) => Number(r.toFixed(3))),
    stageSecondsPer1000s: stages ? stageCosts(files, rounds) : undefined,
  };
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  console.log(`${files.length} files, ${summary.audioSeconds} s of audio, one thread, median of ${rounds} rounds:`);
  console.log(`  project (decode + resample + log-mel, ${process.version}): ${projectX.toFixed(1)}x real time`);
  console.log(`  torchaudio ${summary.torchaudio.version} (mel_reference.py bench):  ${torchX.toFixed(1)}x real time`);
  console.log(`  ratio project/torchaudio: ${summary.ratio.toFixed(2)} (median of per-round ratios; ratio of medians ${summary.ratioOfMedians.toFixed(2)})`);
  if (summary.stageSecondsPer1000s) {
    console.log(`  project stages, best of ${rounds}, seconds per 1000 s of audio (clips in memory):`);
    for (const [name, seconds] of Object.entries(summary.stageSecondsPer1000s)) console.log(`    ${name.padEnd(22)} ${seconds.toFixed(3)}`);
  }
}

main();
