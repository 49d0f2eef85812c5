import type { ClassificationReport } from './metrics';

export interface RepeatOptions {
  /** How many times to run (the FOP paper reports means over 20 runs). */
  repeats: number;
  /** Repeat i runs with seed baseSeed + i, so any single repeat can be re-run alone from its seed. */
  baseSeed: number;
}

export interface RepeatResult<R> {
  repeatIndex: number;
  seed: number;
  result: R;
}

/** Runs `run` once per repeat, one after another (deterministic order; training already uses the cores). */
export async function runRepeats<R>(options: RepeatOptions, run: (seed: number, repeatIndex: number) => R | Promise<R>): Promise<RepeatResult<R>[]> {
  if (!Number.isInteger(options.repeats) || options.repeats < 1) {
    throw new Error(`runRepeats: repeats must be a positive integer, got ${options.repeats}`);
  }
  const results: RepeatResult<R>[] = [];
  for (let repeatIndex = 0; repeatIndex < options.repeats; repeatIndex++) {
    const seed = options.baseSeed + repeatIndex;
    results.push({ repeatIndex, seed, result: await run(seed, repeatIndex) });
  }
  return results;
}

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (divides by n - 1); null with fewer than two values. */
  std: number | null;
  n: number;
}

export function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (n === 0) throw new Error('meanStd: no values');
  if (values.some((v) => !Number.isFinite(v))) throw new Error('meanStd: values must be finite numbers');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, std: null, n };
  const squares = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (n - 1)), n };
}

export interface AggregatedReport {
  wa: MeanStd;
  ua: MeanStd;
  macroF1: MeanStd;
  /** Over the repeats where the class had test items; null when it never had any. */
  perClassRecall: Record<string, MeanStd | null>;
}

/** Mean ± std over repeats (or folds) of each metric. */
export function aggregateReports(reports: readonly ClassificationReport[]): AggregatedReport {
  const first = reports[0];
  if (!first) throw new Error('aggregateReports: no reports');
  const perClassRecall: Record<string, MeanStd | null> = {};
  for (const name of first.confusion.classes) {
    const recalls = reports.map((r) => r.perClassRecall[name]).filter((v): v is number => typeof v === 'number');
    perClassRecall[name] = recalls.length > 0 ? meanStd(recalls) : null;
  }
  return {
    wa: meanStd(reports.map((r) => r.wa)),
    ua: meanStd(reports.map((r) => r.ua)),
    macroF1: meanStd(reports.map((r) => r.macroF1)),
    perClassRecall,
  };
}
