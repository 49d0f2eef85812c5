import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { curvesCsv, curvesFileName } from './curves';
import { resultsMarkdown } from './markdown';
import type { CellResult, ExperimentResults } from './results';

/**
 * Writes results.json (everything but the curves) and results.md (the table) into `dir`, creating it, and one
 * curves CSV per cell whose run this experiment followed. A reused cell keeps its CSV: one already in `dir`, or the
 * earlier experiment's, copied in when `curvesFile` is an absolute path (readEarlierResults makes it one). Returns the
 * paths of results.json and results.md.
 */
export async function writeResults(dir: string, results: ExperimentResults): Promise<{ json: string; markdown: string }> {
  await mkdir(join(dir, 'curves'), { recursive: true });
  const cells: CellResult[] = [];
  for (const { curves, curvesFile, ...cell } of results.cells) {
    const file = curvesFileName(cell);
    const earlier = curvesFile && (isAbsolute(curvesFile) ? curvesFile : join(dir, curvesFile));
    if (curves) await writeFile(join(dir, file), curvesCsv(curves));
    else if (earlier && existsSync(earlier) && resolve(earlier) !== resolve(dir, file)) await copyFile(earlier, join(dir, file));
    cells.push(curves || (earlier && existsSync(earlier)) ? { ...cell, curvesFile: file } : cell);
  }
  const json = join(dir, 'results.json');
  const markdown = join(dir, 'results.md');
  await writeFile(json, `${JSON.stringify({ ...results, cells }, null, 2)}\n`);
  await writeFile(markdown, resultsMarkdown(results));
  return { json, markdown };
}
