// The Markdown face of a model card: limits first (what a reader must not miss), then data, evaluation, labels,
// input and lineage.
import type { ModelCard } from './model-card';

type MeanStd = { mean: number; std: number | null; n: number };

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const meanStd = (m: MeanStd | null) => (m === null ? 'no test utterances' : m.std === null ? pct(m.mean) : `${pct(m.mean)} ± ${(100 * m.std).toFixed(1)}`);
const code = (v: unknown) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
/** Table cells must not break the table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function renderModelCard(card: ModelCard): string {
  const { model, data, evaluation, input } = card;
  const title = model.name ? `${model.name} v${model.version ?? '?'}` : `the model of run ${model.runId}`;
  const dataset = data.datasetName ?? `dataset version ${data.datasetVersionId} (no longer in the store)`;
  const recallRows = card.labels.map((label) => {
    const kept = evaluation.keptFold.perClassRecall[label];
    return [label, meanStd(evaluation.perClassRecall[label] ?? null), kept === null || kept === undefined ? 'no test utterances' : pct(kept)];
  });
  const lines = [
    `# Model card: ${title}`,
    '',
    `Kind ${code(model.kind)}, method ${code(model.method)}, trained by run ${code(model.runId)}; files under ${code(model.artifactKey)}. Written ${card.createdAt}.`,
    '',
    '## Known limits',
    '',
    ...(card.knownLimits.length > 0 ? card.knownLimits.map((l) => `- ${l}`) : ['- none recorded']),
    '',
    '## Data',
    '',
    ...table(
      ['dataset', 'version', 'version id', 'format', 'utterances', 'speakers'],
      [[dataset, data.datasetVersion ?? '?', data.datasetVersionId, data.format ?? '?', String(data.utterances ?? '?'), String(data.speakers ?? '?')]],
    ),
    '',
    `Utterances per class: ${
      Object.entries(data.classCounts)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ') || 'unknown'
    }.`,
    '',
    '## Evaluation',
    '',
    `Protocol ${code(card.protocol)}, ${evaluation.repeats} repeat(s); mean ± std over repeats of each repeat's pooled folds.`,
    '',
    ...table(
      ['metric', 'value'],
      [
        ['WA (accuracy)', meanStd(evaluation.wa)],
        ['UA (mean per-class recall)', meanStd(evaluation.ua)],
        ['macro-F1', meanStd(evaluation.macroF1)],
      ],
    ),
    '',
    `The kept model is repeat ${evaluation.keptFold.repeat}, fold ${evaluation.keptFold.fold} (${code(evaluation.keptFold.name)}): WA ${pct(evaluation.keptFold.wa)}, UA ${pct(evaluation.keptFold.ua)} on test speakers ${evaluation.keptFold.testSpeakers.join(', ') || 'none'}.`,
    '',
    '### Per-class recall',
    '',
    ...table(['class', 'over repeats', 'kept fold'], recallRows),
    '',
    '## Labels',
    '',
    `In output order: ${card.labels.map(code).join(', ')}.`,
    '',
    '## Input',
    '',
    `Mono audio at ${input.sampleRateHz} Hz, samples in [-1, 1]; features ${code(input.featureKind)} of shape ${code(input.shape)} from this front end:`,
    '',
    ...table(
      ['setting', 'value'],
      Object.entries(input.frontEnd).map(([k, v]) => [k, String(v)]),
    ),
    '',
    '## Lineage',
    '',
    `Dataset version ${code(data.datasetVersionId)}; pre-trained FOP checkpoint ${card.lineage.pretrainedCheckpointId ? code(card.lineage.pretrainedCheckpointId) : 'none'}; VQ-VAE checkpoint ${card.lineage.vqvaeCheckpointId ? code(card.lineage.vqvaeCheckpointId) : 'none'}.`,
    '',
  ];
  return lines.join('\n');
}
