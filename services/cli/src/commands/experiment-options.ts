// Option parsing shared by `ser experiment` and `ser train`, so both read numbers and earlier results alike.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PARTIAL_RESULTS_FILE, type ExperimentResults } from '@ser/experiments';
import { usageError } from '../cli-error';

/** `--name N` as an integer (negative allowed: the services range-check), undefined when absent. */
export function integerOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw usageError(`--${name} takes an integer, got '${text}'`);
  return Number(text);
}

/** `--name X` as a finite number, undefined when absent. */
export function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9.eE+-]+$/.test(text) || Number.isNaN(Number(text))) throw usageError(`--${name} takes a number, got '${text}'`);
  return Number(text);
}

/**
 * The results.json files --reuse names (a folder means its results.json, or the partial results of an experiment
 * stopped before its end); a usage error when one is unreadable. Each
 * cell's curvesFile becomes an absolute path, so the new results can copy the curves of the cells they take over.
 */
export function readEarlierResults(list: string): ExperimentResults[] {
  return list.split(',').map((entry) => {
    const path = resolve(entry.trim());
    const file = existsSync(path) && statSync(path).isDirectory() ? resultsFileIn(path) : path;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as ExperimentResults;
      if (!Array.isArray(parsed.cells) || !Array.isArray(parsed.pretraining)) throw new Error('no cells or pre-training list');
      const cells = parsed.cells.map((c) => (c.curvesFile ? { ...c, curvesFile: resolve(dirname(file), c.curvesFile) } : c));
      return { ...parsed, cells };
    } catch (err) {
      throw usageError(`--reuse: cannot read results from ${file}: ${(err as Error).message}`);
    }
  });
}

/** A finished experiment's results.json, else the partial results it kept while running. */
function resultsFileIn(dir: string): string {
  const finished = join(dir, 'results.json');
  const partial = join(dir, PARTIAL_RESULTS_FILE);
  return !existsSync(finished) && existsSync(partial) ? partial : finished;
}
