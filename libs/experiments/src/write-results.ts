import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { curvesCsv, curvesFileName } from './curves';
import { resultsMarkdown } from './markdown';
import type { CellResult, ExperimentResults } from './results';

/**
 * Writes results.json (everything but the curves) and results.md (the table) into `dir`, creating it, and one
 * curves CSV per cell whose run this experiment followed (a reused cell keeps the CSV already in `dir`, if any);
 * returns the paths of results.json and results.md.
 */
export async function writeResults(dir: string, results: ExperimentResults): Promise<{ json: string; markdown: string }> {
  await mkdir(join(dir, 'curves'), { recursive: true });
  const cells: CellResult[] = [];
  for (const { curves, curvesFile, ...cell } of results.cells) {
    const file = curvesFileName(cell);
    if (curves) await writeFile(join(dir, file), curvesCsv(curves));
    cells.push(curves || (curvesFile && existsSync(join(dir, curvesFile))) ? { ...cell, curvesFile: file } : cell);
  }
  const json = join(dir, 'results.json');
  const markdown = join(dir, 'results.md');
  await writeFile(json, `${JSON.stringify({ ...results, cells }, null, 2)}\n`);
  await writeFile(markdown, resultsMarkdown(results));
  return { json, markdown };
}
