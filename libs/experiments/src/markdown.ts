import { formatMeanStd, resultsTable, type ResultsRow } from '@ser/evaluation';
import type { DatasetRef } from './datasets';
import { pretrainDatasetNames } from './plan';
import type { CellResult, ExperimentResults } from './results';

type Metric = 'wa' | 'ua' | 'macroF1';
const METRIC_HEADINGS: Record<Metric, string> = { wa: 'WA (%)', ua: 'UA (%)', macroF1: 'macro-F1 (%)' };
const METRICS = ['wa', 'ua', 'macroF1'] as const;

/** "62.3 ± 1.4" in percent over the repeats; "failed" for a cell without numbers; "–" where the plan has no cell. */
function cellText(cell: CellResult | undefined, metric: Metric): string {
  if (!cell) return '–';
  if (cell.status !== 'succeeded' || cell.perRepeat.length === 0) return 'failed';
  return formatMeanStd(
    cell.perRepeat.map((r) => r[metric]),
    1,
    { percent: true },
  );
}

const findCell = (r: ExperimentResults, row: string, column: string) => r.cells.find((c) => c.row === row && c.column === column);

/** One column: WA, UA and macro-F1 side by side. Several: one rows x columns table per metric. */
function tables(r: ExperimentResults): string[] {
  if (r.columns.length === 1) {
    const column = r.columns[0]!.key;
    const rows: ResultsRow[] = r.rows.map((row) => ({
      [r.rowHeading]: row.label,
      ...Object.fromEntries(METRICS.map((m) => [METRIC_HEADINGS[m], cellText(findCell(r, row.key, column), m)])),
    }));
    return [resultsTable(rows, [r.rowHeading, ...METRICS.map((m) => METRIC_HEADINGS[m])])];
  }
  return METRICS.map((metric) => {
    const rows: ResultsRow[] = r.rows.map((row) => ({
      [r.rowHeading]: row.label,
      ...Object.fromEntries(r.columns.map((c) => [c.label, cellText(findCell(r, row.key, c.key), metric)])),
    }));
    return `### ${METRIC_HEADINGS[metric]}\n\n${resultsTable(rows, [r.rowHeading, ...r.columns.map((c) => c.label)])}`;
  });
}

function describeDataset(d: DatasetRef): string {
  const classes = Object.entries(d.classCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  return `\`${d.name}\` version \`${d.versionId}\` (hash \`${d.versionHash.slice(0, 12)}\`; ${d.utteranceCount} utterances, ${d.speakers} speakers; ${classes})`;
}

function modelSizeLine(size: ExperimentResults['modelSize']): string {
  if (size === 'paper') return "- Model size: `paper` (the papers' sizes).";
  return `- Model size: \`${size}\`: smaller models than the papers' (sizes in results.json), so this is not the paper-size table.`;
}

/** results.md: the table(s) with mean ± std of WA and UA per cell, and what it takes to read and repeat them. */
export function resultsMarkdown(r: ExperimentResults): string {
  const failed = r.cells.filter((c) => c.status !== 'succeeded');
  const seeds = r.repeats === 1 ? `seed ${r.seed}` : `seeds ${r.seed}–${r.seed + r.repeats - 1}`;
  const lines = [
    `# ${r.title}`,
    '',
    ...tables(r).flatMap((t) => [t, '']),
    ...(failed.length ? ['Failed cells:', ...failed.map((c) => `- ${c.row} × ${c.column}: ${c.error ?? 'no evaluation'}`), ''] : []),
    'Values are percentages, mean ± sample standard deviation over the repeats.',
    '',
    '## Setup',
    '',
    ...(r.crossCorpus
      ? [
          `- Trained on ${[r.dataset, ...r.crossCorpus.trainAlso].map(describeDataset).join(' together with ')}.`,
          `- Tested on ${r.crossCorpus.test.map(describeDataset).join(' together with ')} (cross-corpus: every utterance of it, none trained on).`,
        ]
      : [`- Evaluated on ${describeDataset(r.dataset)}.`]),
    ...r.pretraining.map((p) => {
      const data = pretrainDatasetNames(p.datasetName).map((name) => {
        const found = r.pretrainDatasets.find((d) => d.name === name);
        return found ? describeDataset(found) : `\`${name}\``;
      });
      return `- ${r.experiment.startsWith('tacn-') ? 'VQ-VAE' : 'FOP'} pre-trained on ${data.join(' together with ')}: run \`${p.runId}\`, checkpoint \`${p.checkpointId}\`${p.reused ? ' (taken over from earlier results)' : ''}.`;
    }),
    ...reusedLine(r),
    `- Protocol: \`${r.protocol.kind}\` (\`${JSON.stringify(r.protocol)}\`).`,
    `- Repeats: ${r.repeats} (${seeds}).`,
    modelSizeLine(r.modelSize),
    `- Command: \`${r.command}\``,
    `- Ran ${r.startedAt} – ${r.finishedAt ?? 'unfinished'}; every config, run id and per-repeat number is in results.json.`,
    '',
    '## Metrics',
    '',
    `- ${r.definitions.wa}`,
    `- ${r.definitions.ua}`,
    `- ${r.definitions.aggregation}`,
    '',
  ];
  return lines.join('\n');
}

function reusedLine(r: ExperimentResults): string[] {
  const reused = r.cells.filter((c) => c.reusedFrom);
  if (reused.length === 0) return [];
  return [
    `- Taken over from earlier results with the same configs (--reuse): ${reused.map((c) => `${c.row} × ${c.column} (run \`${c.reusedFrom}\`)`).join(', ')}.`,
  ];
}
