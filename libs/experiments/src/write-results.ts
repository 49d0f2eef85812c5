import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resultsMarkdown } from './markdown';
import type { ExperimentResults } from './results';

/** Writes results.json (everything) and results.md (the table) into `dir`, creating it; returns both paths. */
export async function writeResults(dir: string, results: ExperimentResults): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'results.json');
  const markdown = join(dir, 'results.md');
  await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(markdown, resultsMarkdown(results));
  return { json, markdown };
}
