import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { curvesCsv, curvesFileName } from './curves';
import { resultsMarkdown } from './markdown';
import type { CellResult, ExperimentResults } from './results';

/** Where an unfinished experiment keeps its results so far; `--reuse DIR` reads it when DIR has no results.json. */
export const PARTIAL_RESULTS_FILE = 'results.partial.json';

/**
 * Writes results.json (everything but the curves) and results.md (the table) into `dir`, creating it, and one
 * curves CSV per cell whose run this experiment followed. A reused cell keeps its CSV: one already in `dir`, or the
 * earlier experiment's, copied in when `curvesFile` is an absolute path (readEarlierResults makes it one). Removes
 * the partial results. Returns the paths of results.json and results.md.
 */
export async function writeResults(dir: string, results: ExperimentResults): Promise<{ json: string; markdown: string }> {
  const cells = await writeCurves(dir, results.cells);
  const json = join(dir, 'results.json');
  const markdown = join(dir, 'results.md');
  await writeFile(json, `${JSON.stringify({ ...results, cells }, null, 2)}\n`);
  await writeFile(markdown, resultsMarkdown(results));
  await rm(join(dir, PARTIAL_RESULTS_FILE), { force: true });
  return { json, markdown };
}

/**
 * The results so far of a running experiment (runExperiment's onPartialResults) as results.partial.json and curves
 * CSVs: an experiment stopped halfway then loses only the run it was in, since --reuse takes over what is here.
 */
export async function writePartialResults(dir: string, results: ExperimentResults): Promise<string> {
  const cells = await writeCurves(dir, results.cells);
  const file = join(dir, PARTIAL_RESULTS_FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify({ ...results, cells }, null, 2)}\n`);
  await rename(`${file}.tmp`, file); // never a half-written file where --reuse looks
  return file;
}

/** Writes each cell's curves CSV (or copies a reused cell's) and returns the cells as results.json holds them. */
async function writeCurves(dir: string, results: readonly CellResult[]): Promise<CellResult[]> {
  await mkdir(join(dir, 'curves'), { recursive: true });
  const cells: CellResult[] = [];
  for (const { curves, curvesFile, ...cell } of results) {
    const file = curvesFileName(cell);
    const earlier = curvesFile && (isAbsolute(curvesFile) ? curvesFile : join(dir, curvesFile));
    if (curves) await writeFile(join(dir, file), curvesCsv(curves));
    else if (earlier && existsSync(earlier) && resolve(earlier) !== resolve(dir, file)) await copyFile(earlier, join(dir, file));
    cells.push(curves || (earlier && existsSync(earlier)) ? { ...cell, curvesFile: file } : cell);
  }
  return cells;
}
