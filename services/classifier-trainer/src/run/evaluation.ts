import type { ClassifierEvaluation, ConfusionMatrix as ProtoConfusion } from '@ser/contracts';
import {
  aggregateReports,
  reportFromConfusion,
  sumConfusions,
  type AggregatedReport,
  type ClassificationReport,
  type ConfusionMatrix,
  type EvaluationProtocol,
  type MeanStd,
} from '@ser/evaluation';

/** One fold of one repeat: who was where, how training went, what the test set scored. */
export interface FoldResult {
  repeat: number;
  fold: number;
  /** The protocol's fold name, e.g. `speaker-holdout[SF2,SM1]`. */
  name: string;
  seed: number;
  trainSpeakers: string[];
  validationSpeakers: string[];
  testSpeakers: string[];
  counts: { train: number; validation: number; test: number };
  epochsRun: number;
  bestEpoch: number;
  /** null for classifiers without a validation loss (SVM, random forest). */
  bestValidationLoss: number | null;
  report: ClassificationReport;
}

/** The evaluation artifact of a run (`evaluations/<runId>.json`), plain JSON. */
export interface RunEvaluation {
  runId: string;
  method: string;
  protocol: EvaluationProtocol;
  classes: string[];
  datasetVersionId: string;
  pretrainedCheckpointId: string | null;
  folds: FoldResult[];
  /** Per repeat: the confusion matrices of its folds summed (IEMOCAP-style pooled result). */
  repeats: Array<{ repeat: number; seed: number; pooled: ClassificationReport }>;
  /** Mean ± std over repeats of each repeat's pooled WA / UA / macro-F1 (the paper's "mean over 20 runs"). */
  summary: AggregatedReport;
  /** Every fold of every repeat summed. */
  pooled: ClassificationReport;
  /** The trained model kept for serving. */
  finalModel: { artifactKey: string; repeat: number; fold: number; note: string };
}

export function summarise(folds: readonly FoldResult[]): Pick<RunEvaluation, 'repeats' | 'summary' | 'pooled'> {
  const repeatIndexes = [...new Set(folds.map((f) => f.repeat))].sort((a, b) => a - b);
  const repeats = repeatIndexes.map((repeat) => {
    const mine = folds.filter((f) => f.repeat === repeat);
    return { repeat, seed: mine[0]!.seed, pooled: reportFromConfusion(sumConfusions(mine.map((f) => f.report.confusion))) };
  });
  return {
    repeats,
    summary: aggregateReports(repeats.map((r) => r.pooled)),
    pooled: reportFromConfusion(sumConfusions(folds.map((f) => f.report.confusion))),
  };
}

/** Top-level numbers for the run's metrics; a std is left out when there is one repeat (it does not exist). */
export function runMetrics(summary: AggregatedReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of [
    ['wa', summary.wa],
    ['ua', summary.ua],
    ['macroF1', summary.macroF1],
  ] as const) {
    out[name] = value.mean;
    if (value.std !== null) out[`${name}Std`] = value.std;
  }
  return out;
}

const reportMetrics = (r: ClassificationReport) => ({ wa: r.wa, ua: r.ua, macroF1: r.macroF1 });

function confusionToProto(c: ConfusionMatrix): ProtoConfusion {
  return { labels: [...c.classes], counts: c.matrix.flat() };
}

function stdOf(v: MeanStd): number | undefined {
  return v.std ?? undefined;
}

/** The stored evaluation as the GetClassifierRunEvaluation message; metric names match the run's metrics. */
export function evaluationToProto(e: RunEvaluation): ClassifierEvaluation {
  const std = Object.fromEntries(
    Object.entries({ wa: stdOf(e.summary.wa), ua: stdOf(e.summary.ua), macroF1: stdOf(e.summary.macroF1) }).filter(
      (kv): kv is [string, number] => kv[1] !== undefined,
    ),
  );
  return {
    runId: e.runId,
    protocol: e.protocol.kind,
    labels: [...e.classes],
    folds: e.folds.map((f) => ({
      repeat: f.repeat,
      fold: f.fold,
      testSplit: f.name,
      metrics: reportMetrics(f.report),
      confusionMatrix: confusionToProto(f.report.confusion),
    })),
    metrics: { wa: e.summary.wa.mean, ua: e.summary.ua.mean, macroF1: e.summary.macroF1.mean },
    metricsStd: std,
    confusionMatrix: confusionToProto(e.pooled.confusion),
    perClassRecall: e.classes.map((label) => ({ label, recall: e.pooled.perClassRecall[label] ?? 0, support: e.pooled.support[label] ?? 0 })),
  };
}
