// The first `npm start` (issue 14): the all-in-one process on a fresh temporary data directory, timed from spawn to the
// demo model at 'production', phase by phase from its log, with the process's CPU time beside the wall time (a loaded
// machine stretches wall time, not CPU time) and the load average. Then Ctrl-C, the demo model's held-out scores read
// from the data directory, and the directory removed.
//
//   npx tsx test/bench/first-start.ts [--fresh-console] [--log FILE]
// --fresh-console deletes the console's dist/ first, as in a fresh clone; --log keeps the platform's output, each line
// prefixed with the seconds since spawn.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMetadataStore } from '@ser/store';
import { freePort, terminate } from '../infra/process';

const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'];
const CLOCK_TICKS = 100; // USER_HZ on Linux
const TIMEOUT_MS = 60 * 60_000;

/** Phase ends, each recognised by a log message or progress line; the last is the end of the bench. */
const MILESTONES: Array<{ name: string; matches: (line: string) => boolean }> = [
  { name: 'platform ready', matches: (l) => l.includes('SER platform ready') },
  { name: 'corpus synthesised', matches: (l) => l.includes('demo corpus written') },
  { name: 'corpus ingested', matches: (l) => l.includes('distributed ingestion finished') },
  { name: 'pre-training started', matches: (l) => l.includes('"pre-training started"') },
  { name: 'pre-training done', matches: (l) => l.startsWith('demo model: classifier') },
  { name: 'classifier started', matches: (l) => l.includes('"training started"') },
  { name: 'model registered', matches: (l) => l.includes('model version registered') },
  { name: 'production', matches: (l) => l.includes("is now 'production'") },
];

/** CPU seconds of the process and the children it has waited for (the console's vite build), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / CLOCK_TICKS;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  if (process.argv.includes('--fresh-console')) rmSync(join('services', 'console', 'dist'), { recursive: true, force: true });
  const logIndex = process.argv.indexOf('--log');
  const logFile = logIndex > 0 ? process.argv[logIndex + 1] : undefined;
  if (logFile) writeFileSync(logFile, '');
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-first-start-'));
  const ports: Record<string, number> = {};
  for (const s of SERVICES) ports[s] = await freePort();
  const loadBefore = load();
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)], {
    env: { ...process.env, SER_DATA_DIR: dataDir, SER_METRICS_PORT: '0', SER_LOG_FORMAT: 'json', SER_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Each milestone's first sighting; phases are the spans between consecutive ones (the corpus may be written before
  // the platform says ready).
  const seen = new Map<string, { atS: number; cpuS: number; load: string }>();
  let consoleBuiltS: number | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no production model within ${TIMEOUT_MS / 60_000} min`)), TIMEOUT_MS);
      let pending = '';
      const onData = (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          if (/"level":(50|60)/.test(line) || line.startsWith('ser:')) process.stderr.write(`${line}\n`);
          const atS = (Date.now() - started) / 1000;
          if (logFile) appendFileSync(logFile, `${atS.toFixed(1)} ${line}\n`);
          const built = /web console built in (\d+) s/.exec(line);
          if (built) consoleBuiltS = atS;
          const milestone = MILESTONES.find((m) => !seen.has(m.name) && m.matches(line));
          if (!milestone) continue;
          seen.set(milestone.name, { atS, cpuS: cpuSeconds(child.pid!), load: load() });
          if (milestone === MILESTONES.at(-1)) {
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the platform exited with ${code} before the demo model was in production`)));
    });
  } finally {
    await terminate(child, 'SIGINT', 30_000);
  }
  console.log(`load average before: ${loadBefore}`);
  console.log('| phase (ends at) | at s | wall s | CPU s | load 1/5/15 min |');
  console.log('|---|---|---|---|---|');
  let previous = { atS: 0, cpuS: 0 };
  for (const [phase, at] of [...seen].sort(([, a], [, b]) => a.atS - b.atS)) {
    console.log(`| ${phase} | ${at.atS.toFixed(1)} | ${(at.atS - previous.atS).toFixed(1)} | ${(at.cpuS - previous.cpuS).toFixed(1)} | ${at.load} |`);
    previous = at;
  }
  console.log(`total to production: ${previous.atS.toFixed(1)} s wall, ${previous.cpuS.toFixed(1)} s CPU`);
  console.log(consoleBuiltS === null ? 'web console: not rebuilt (dist/ current)' : `web console: built, done at ${(consoleBuiltS as number).toFixed(1)} s`);
  try {
    const store = await openMetadataStore({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      const production = await store.models.resolve('fop-emotion', 'production');
      console.log(`demo model: v${production?.version} ${JSON.stringify(production?.metrics)}`);
      for (const { node: run } of (await store.runs.list({}, { first: 10 })).edges.reverse()) {
        const seconds = run.startedAt && run.finishedAt ? ((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1) : '?';
        const curves = new Map<string, string[]>();
        for (const m of await store.runs.listMetrics(run.id)) if (/loss/i.test(m.name)) curves.set(m.name, [...(curves.get(m.name) ?? []), m.value.toFixed(3)]);
        console.log(`${run.kind} run: ${run.status}, ${seconds} s; ${[...curves].map(([name, values]) => `${name} ${values.join(' ')}`).join('; ')}`);
      }
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
