// The TACN experiments' figures and extra table, beside results.json / results.md: a confusion-matrix PNG per
// succeeded cell, and (Table 2) macro-F1 next to WA and UA, appended to results.md with links to the images.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMeanStd, resultsTable } from '@ser/evaluation';
import { confusionMatrixPng } from '../plots/confusion';
import type { CellResult, ExperimentResults } from '../results';

const label = (r: ExperimentResults, c: CellResult) => {
  const row = r.rows.find((x) => x.key === c.row)?.label ?? c.row;
  return r.columns.length > 1 ? `${row} (${r.columns.find((x) => x.key === c.column)?.label ?? c.column})` : row;
};
const metric = (c: CellResult, m: 'wa' | 'ua' | 'macroF1') => (c.status === 'succeeded' && c.perRepeat.length ? formatMeanStd(c.perRepeat.map((x) => x[m]), 1, { percent: true }) : 'failed');

/** Writes confusion-<row>-<column>.png per succeeded cell and appends the figures section to results.md; the PNG paths. */
export async function writeTacnFigures(dir: string, results: ExperimentResults): Promise<string[]> {
  const written: string[] = [];
  const lines: string[] = [];
  if (results.experiment === 'tacn-table2') {
    const rows = results.cells.map((c) => ({ Model: label(results, c), 'F1 (%)': metric(c, 'macroF1'), 'WA (%)': metric(c, 'wa'), 'UA (%)': metric(c, 'ua') }));
    lines.push('## Macro-F1, WA and UA', '', resultsTable(rows, ['Model', 'F1 (%)', 'WA (%)', 'UA (%)']), '');
  }
  lines.push('## Confusion matrices', '', 'Summed over every fold and repeat; rows are the true class.', '');
  for (const c of results.cells) {
    if (c.status !== 'succeeded' || !c.confusion) continue;
    const file = `confusion-${c.row}-${c.column}.png`;
    await writeFile(join(dir, file), await confusionMatrixPng({ labels: c.confusion.labels, counts: c.confusion.counts, title: label(results, c) }));
    written.push(join(dir, file));
    lines.push(`![${label(results, c)}](${file})`, '');
  }
  await appendFile(join(dir, 'results.md'), `\n${lines.join('\n')}`);
  return written;
}
