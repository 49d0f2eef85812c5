// Closed-loop load for the inference bench: `concurrency` clients, each sending its next request when the last is
// answered, until `requests` are done. The same generator drives our service and the Python peer.

export interface LevelResult {
  concurrency: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  throughputPerS: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Latency as the client sees it (request sent -> response read), p50/p99 over every request; throughput is
 * requests / wall time. `predict(i)` sends request i (callers rotate their clips by i).
 */
export async function runLevel(predict: (i: number) => Promise<unknown>, concurrency: number, requests: number): Promise<LevelResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const t = performance.now();
        await predict(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wallS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    throughputPerS: latencies.length / wallS,
  };
}

/** Integer list option: `--levels 1,8`. */
export function listOption(argv: string[], name: string, fallback: number[]): number[] {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const values = (argv[at + 1] ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 0)) throw new Error(`${name} needs non-negative integers, e.g. 1,8`);
  return values;
}
