/**
 * Soak: predictions through the gateway at a fixed concurrency for N minutes, reporting failures and the platform
 * process's resident memory (RSS, /proc/<pid>/status) over time, and whether RSS stays within ±10 % of its median
 * after warm-up. A bench, not a timed test: run it by hand or in a nightly job.
 *
 *   npx tsx test/bench/soak.ts [--minutes 10] [--concurrency 16] [--sample-seconds 10] [--warmup-minutes M]
 *                              [--no-record] [--json] [--url URL --token-file FILE --pid PID]
 *
 * Without --url it starts `npm start`'s all-in-one platform in a temporary data directory (demo-size FOP model with
 * random weights as fop-emotion@production, no demo seeding) and stops it afterwards; with --url it drives a running
 * gateway with the token in FILE (`.data/admin.token` after `npm start`) and samples process PID. Warm-up defaults to
 * a fifth of the run (at least one sample). Each client sends demo-corpus clips as GraphQL multipart `predict`
 * uploads, recorded in the prediction history unless --no-record. Exit 1 on any failure or when RSS is not flat.
 * Each sample carries the machine's load average (the platform shares its cores). Results: docs/results/soak.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gqlUpload } from '../gateway/client';
import { demoClips, startSoakPlatform, type SoakTarget } from './soak-platform';

const PREDICT = 'mutation($input: PredictInput!) { predict(input: $input) { label latencyMs } }';
const FLAT_TOLERANCE = 0.1;

interface Sample {
  atSeconds: number;
  rssMb: number;
  requests: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  /** The machine's 1-minute load average: the platform shares its cores with whatever else runs. */
  load1: number;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) / 1024;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);

/** fetch's own message ("fetch failed") hides the network error: name its code (ECONNRESET, UND_ERR_SOCKET...). */
function failureReason(err: Error): string {
  const cause = err.cause as { code?: string; message?: string } | undefined;
  return `${err.message}${cause ? ` (${cause.code ?? cause.message})` : ''}`.slice(0, 120);
}

async function connect(argv: string[], log: (s: string) => void): Promise<SoakTarget> {
  const url = flag(argv, '--url');
  if (!url) return startSoakPlatform(log);
  const tokenFile = flag(argv, '--token-file');
  const pid = Number(flag(argv, '--pid'));
  if (!tokenFile || !Number.isInteger(pid)) throw new Error('--url needs --token-file FILE and --pid PID');
  const clipsDir = mkdtempSync(join(tmpdir(), 'ser-soak-clips-'));
  const clips = await demoClips(clipsDir);
  return { gatewayUrl: url, token: readFileSync(tokenFile, 'utf8').trim(), pid, clips, stop: async () => rmSync(clipsDir, { recursive: true, force: true }) };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const minutes = Number(flag(argv, '--minutes') ?? 10);
  const concurrency = Number(flag(argv, '--concurrency') ?? 16);
  const sampleSeconds = Number(flag(argv, '--sample-seconds') ?? 10);
  const warmupMinutes = Number(flag(argv, '--warmup-minutes') ?? Math.max(minutes / 5, sampleSeconds / 60));
  const record = !argv.includes('--no-record');
  const json = argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  if (![minutes, concurrency, sampleSeconds, warmupMinutes].every((n) => Number.isFinite(n) && n > 0) || warmupMinutes >= minutes) {
    throw new Error('--minutes, --concurrency, --sample-seconds and --warmup-minutes must be positive, warm-up shorter than the run');
  }

  const target = await connect(argv, log);
  const samples: Sample[] = [];
  const failureReasons = new Map<string, number>();
  let window = { requests: 0, failures: 0, latencies: [] as number[] };
  const latencies: number[] = []; // the whole run's, for its percentiles
  const started = Date.now();
  const endAt = started + minutes * 60_000;
  try {
    const client = async (worker: number) => {
      for (let i = worker; Date.now() < endAt; i += concurrency) {
        const t0 = performance.now();
        try {
          const clip = target.clips[i % target.clips.length]!;
          const res = await gqlUpload(
            target.gatewayUrl,
            PREDICT,
            { input: { audio: null, recordOptOut: !record } },
            { path: 'variables.input.audio', name: 'clip.wav', content: clip },
            target.token,
          );
          if (res.errors?.length || !res.data) throw new Error(`HTTP ${res.status}: ${res.errors?.map((e) => e.extensions?.code ?? e.message).join(', ')}`);
          window.latencies.push(performance.now() - t0);
        } catch (err) {
          window.failures++;
          const reason = failureReason(err as Error);
          failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);
        }
        window.requests++;
      }
    };
    const takeSample = () => {
      const sorted = window.latencies.sort((a, b) => a - b);
      latencies.push(...sorted);
      const sample = {
        atSeconds: Math.round((Date.now() - started) / 1000),
        rssMb: rssMb(target.pid),
        requests: window.requests,
        failures: window.failures,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        load1: loadavg()[0]!,
      };
      samples.push(sample);
      window = { requests: 0, failures: 0, latencies: [] };
      if (!json)
        log(
          `t=${sample.atSeconds}s rss=${sample.rssMb.toFixed(0)} MB requests=${sample.requests} failures=${sample.failures} p50=${sample.p50Ms.toFixed(0)} ms p99=${sample.p99Ms.toFixed(0)} ms load=${sample.load1.toFixed(1)}`,
        );
    };
    const sampler = setInterval(takeSample, sampleSeconds * 1000);
    log(`soak: ${minutes} min at concurrency ${concurrency} against ${target.gatewayUrl}, RSS of pid ${target.pid} every ${sampleSeconds} s`);
    await Promise.all(Array.from({ length: concurrency }, (_, w) => client(w)));
    clearInterval(sampler);
    takeSample(); // the requests that ended after the last tick
  } finally {
    await target.stop();
  }

  const summary = summarise(
    samples,
    warmupMinutes * 60,
    failureReasons,
    latencies.sort((a, b) => a - b),
  );
  if (json) process.stdout.write(`${JSON.stringify({ minutes, concurrency, record, ...summary, samples }, null, 2)}\n`);
  else {
    log(
      `requests ${summary.requests}, failures ${summary.failures}${summary.failures ? ` (${JSON.stringify(summary.failureReasons)})` : ''}; ` +
        `latency p50 ${summary.p50Ms.toFixed(0)} ms, p99 ${summary.p99Ms.toFixed(0)} ms; load average ${summary.load1Range.map((l) => l.toFixed(1)).join(' to ')}`,
    );
    log(
      `RSS after ${warmupMinutes} min warm-up: median ${summary.rssMedianMb.toFixed(0)} MB, min ${summary.rssMinMb.toFixed(0)}, max ${summary.rssMaxMb.toFixed(0)} ` +
        `(${(summary.rssMaxDeviation * 100).toFixed(1)} % from the median; trend ${summary.rssTrendMbPerMin.toFixed(1)} MB/min): ${summary.flat ? 'flat' : 'NOT flat'} within ±${FLAT_TOLERANCE * 100} %`,
    );
  }
  return summary.failures === 0 && summary.flat ? 0 : 1;
}

function summarise(samples: Sample[], warmupSeconds: number, reasons: Map<string, number>, sortedLatencies: number[]) {
  const steady = samples.filter((s) => s.atSeconds > warmupSeconds);
  if (steady.length < 2) throw new Error(`only ${steady.length} samples after warm-up: run longer or sample more often`);
  const rss = steady.map((s) => s.rssMb).sort((a, b) => a - b);
  const median = rss[Math.floor(rss.length / 2)]!;
  const maxDeviation = Math.max(...rss.map((r) => Math.abs(r - median) / median));
  // Least-squares slope of RSS over time: a leak shows as a steady climb even inside the tolerance.
  const xs = steady.map((s) => s.atSeconds / 60);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = steady.reduce((a, s) => a + s.rssMb, 0) / steady.length;
  const slope = steady.reduce((a, s, i) => a + (xs[i]! - mx) * (s.rssMb - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return {
    requests: samples.reduce((a, s) => a + s.requests, 0),
    failures: samples.reduce((a, s) => a + s.failures, 0),
    failureReasons: Object.fromEntries(reasons),
    p50Ms: percentile(sortedLatencies, 50),
    p99Ms: percentile(sortedLatencies, 99),
    load1Range: [Math.min(...samples.map((s) => s.load1)), Math.max(...samples.map((s) => s.load1))],
    warmupSeconds,
    rssMedianMb: median,
    rssMinMb: rss[0]!,
    rssMaxMb: rss[rss.length - 1]!,
    rssMaxDeviation: maxDeviation,
    rssTrendMbPerMin: slope,
    flat: maxDeviation <= FLAT_TOLERANCE,
  };
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`soak failed: ${err.stack ?? err.message}`);
    process.exit(2);
  },
);
