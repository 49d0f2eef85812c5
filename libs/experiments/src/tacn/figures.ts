// The TACN experiments' figures and extra table, beside results.json / results.md: a confusion-matrix PNG per
// succeeded cell, a t-SNE of deep vs fused representations, and (Table 2) macro-F1 next to WA and UA, appended to
// results.md with links to the images.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMeanStd, resultsTable } from '@ser/evaluation';
import { confusionMatrixPng } from '../plots/confusion';
import { tsnePng } from '../plots/tsne';
import type { CellResult, ExperimentResults } from '../results';
import type { RepresentationPanel } from './representations';

const label = (r: ExperimentResults, c: CellResult) => {
  const row = r.rows.find((x) => x.key === c.row)?.label ?? c.row;
  return r.columns.length > 1 ? `${row} (${r.columns.find((x) => x.key === c.column)?.label ?? c.column})` : row;
};
const metric = (c: CellResult, m: 'wa' | 'ua' | 'macroF1') =>
  c.status === 'succeeded' && c.perRepeat.length
    ? formatMeanStd(
        c.perRepeat.map((x) => x[m]),
        1,
        { percent: true },
      )
    : 'failed';

export const TSNE_FILE = 'tsne-deep-vs-fused.png';

/**
 * Writes confusion-<row>-<column>.png per succeeded cell and, given representation panels, tsne-deep-vs-fused.png;
 * appends the figures section to results.md; the PNG paths.
 */
export async function writeTacnFigures(
  dir: string,
  results: ExperimentResults,
  tsne?: { panels: RepresentationPanel[]; missing: string[] },
): Promise<string[]> {
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
  if (tsne) lines.push(...(await writeTsne(dir, results, tsne, written)));
  await appendFile(join(dir, 'results.md'), `\n${lines.join('\n')}`);
  return written;
}

async function writeTsne(
  dir: string,
  results: ExperimentResults,
  tsne: { panels: RepresentationPanel[]; missing: string[] },
  written: string[],
): Promise<string[]> {
  const lines = ['## t-SNE of deep and fused representations', ''];
  lines.push(
    "Each point is a test utterance of the first repeat (the mean of its segments' representation), coloured by its true class: 'Deep' is the CNN's output in the TACN run on deep features, 'Fused' the fusion layer's output in the TACN run on fused features. Each panel is embedded on its own (t-SNE, perplexity up to 30, seed of the experiment).",
    '',
  );
  for (const why of tsne.missing) lines.push(`- left out: ${why}`);
  const drawable = tsne.panels.filter((p) => p.vectors.length >= 3);
  for (const p of tsne.panels) if (p.vectors.length < 3) lines.push(`- left out: ${p.name}: ${p.vectors.length} utterances (t-SNE needs 3)`);
  if (drawable.length > 0) {
    await writeFile(join(dir, TSNE_FILE), await tsnePng(drawable, `t-SNE of test-utterance representations (${results.dataset.name})`, { seed: results.seed }));
    written.push(join(dir, TSNE_FILE));
    lines.push(`![t-SNE of deep and fused representations](${TSNE_FILE})`);
  }
  lines.push('');
  return lines;
}
