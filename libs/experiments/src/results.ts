import type { ClassifierEvaluation__Output } from '@ser/contracts';
import { meanStd, reportFromConfusion, sumConfusions, type ConfusionMatrix, type EvaluationProtocol, type MeanStd } from '@ser/evaluation';
import type { EpochPoint } from './curves';
import type { DatasetRef } from './datasets';
import type { ExperimentName, PlanAxis } from './plan';
import type { ModelSize } from './settings';

export const METRIC_DEFINITIONS = {
  wa: 'WA (weighted accuracy) = correct predictions / test utterances, so frequent classes weigh more.',
  ua: 'UA (unweighted accuracy) = the mean over classes of each class recall, so every class weighs the same.',
  aggregation:
    "Each repeat's test folds are pooled (confusion matrices summed) into one WA and UA; a cell is the mean ± sample standard deviation of those over the repeats (no ± with one repeat).",
} as const;

export interface RepeatMetrics {
  repeat: number;
  wa: number;
  ua: number;
  macroF1: number;
}

/** One table cell: the classifier run behind it and what it measured (or why it has no numbers). */
export interface CellResult {
  row: string;
  column: string;
  status: 'succeeded' | 'failed';
  error?: string;
  runId: string | null;
  /** config_json as sent (dataset version and checkpoint included). */
  config: Record<string, unknown>;
  /** The config the classifier-trainer resolved and stored with the run (its defaults filled in). */
  resolvedConfig: Record<string, unknown> | null;
  pretrainRunId: string | null;
  checkpointId: string | null;
  /** The protocol the evaluation reports. */
  protocol: string | null;
  labels: string[];
  perRepeat: RepeatMetrics[];
  wa: MeanStd | null;
  ua: MeanStd | null;
  macroF1: MeanStd | null;
  /** Summed over every fold and repeat, row-major (row = true label). */
  confusion: { labels: string[]; counts: number[] } | null;
  /** Set when the cell was taken over from an earlier experiment's results (--reuse): that run's id. */
  reusedFrom?: string;
  /** The model version the run registered (cells with a modelName). */
  model?: { name: string; version: number };
  /**
   * Per-epoch train and validation loss of every repeat and fold, as the run reported them (empty for classifiers
   * that train without epochs). In memory only: writeResults puts them in `curvesFile`, not in results.json.
   */
  curves?: EpochPoint[];
  /** The CSV of `curves`, relative to results.json (curves/<row>__<column>.csv). */
  curvesFile?: string;
}

export interface PretrainResult {
  key: string;
  datasetName: string;
  datasetVersionId: string;
  runId: string;
  checkpointId: string;
  config: Record<string, unknown>;
  resolvedConfig: Record<string, unknown>;
  metrics: Record<string, number>;
  /** Set when taken over from an earlier experiment's results (--reuse). */
  reused?: boolean;
}

/** Everything an experiment did and measured: results.json. */
export interface ExperimentResults {
  experiment: ExperimentName;
  title: string;
  command: string;
  startedAt: string;
  /** null in the partial results kept while the experiment runs (results.partial.json). */
  finishedAt: string | null;
  dataset: DatasetRef;
  pretrainDatasets: DatasetRef[];
  /** Cross-corpus runs: the datasets also trained on and those tested on (the protocol names them). */
  crossCorpus?: { trainAlso: DatasetRef[]; test: DatasetRef[] };
  protocol: EvaluationProtocol;
  repeats: number;
  seed: number;
  /** The models' sizes ('paper' or smaller; configs in `pretraining` and `cells` have the numbers). */
  modelSize: ModelSize;
  rowHeading: string;
  rows: PlanAxis[];
  columns: PlanAxis[];
  pretraining: PretrainResult[];
  cells: CellResult[];
  definitions: typeof METRIC_DEFINITIONS;
}

function toConfusion(labels: readonly string[], counts: readonly number[]): ConfusionMatrix {
  return { classes: [...labels], matrix: labels.map((_, t) => labels.map((__, p) => counts[t * labels.length + p] ?? 0)) };
}

/** Per-repeat WA / UA / macro-F1 from an evaluation's folds: each repeat's folds pooled, as the service does. */
export function repeatMetrics(evaluation: ClassifierEvaluation__Output): RepeatMetrics[] {
  const byRepeat = new Map<number, ConfusionMatrix[]>();
  for (const fold of evaluation.folds) {
    const c = fold.confusionMatrix;
    if (!c) throw new Error(`evaluation of run ${evaluation.runId}: fold ${fold.fold} of repeat ${fold.repeat} has no confusion matrix`);
    byRepeat.set(fold.repeat, [...(byRepeat.get(fold.repeat) ?? []), toConfusion(c.labels, c.counts)]);
  }
  return [...byRepeat.entries()]
    .sort(([a], [b]) => a - b)
    .map(([repeat, confusions]) => {
      const report = reportFromConfusion(sumConfusions(confusions));
      return { repeat, wa: report.wa, ua: report.ua, macroF1: report.macroF1 };
    });
}

/** The measured part of a succeeded cell. */
export function measuredCell(
  evaluation: ClassifierEvaluation__Output,
): Pick<CellResult, 'protocol' | 'labels' | 'perRepeat' | 'wa' | 'ua' | 'macroF1' | 'confusion'> {
  const perRepeat = repeatMetrics(evaluation);
  if (perRepeat.length === 0) throw new Error(`evaluation of run ${evaluation.runId} has no folds`);
  const c = evaluation.confusionMatrix;
  return {
    protocol: evaluation.protocol,
    labels: [...evaluation.labels],
    perRepeat,
    wa: meanStd(perRepeat.map((r) => r.wa)),
    ua: meanStd(perRepeat.map((r) => r.ua)),
    macroF1: meanStd(perRepeat.map((r) => r.macroF1)),
    confusion: c ? { labels: [...c.labels], counts: [...c.counts] } : null,
  };
}
