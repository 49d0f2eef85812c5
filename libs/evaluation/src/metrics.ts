/**
 * Classification metrics. The SER papers use "WA" loosely (sometimes weighted accuracy, sometimes overall
 * accuracy); here the names are fixed:
 * - WA (weighted accuracy) = overall accuracy = correct / total. Frequent classes weigh more.
 * - UA (unweighted accuracy) = unweighted average recall = mean over classes of recall_c, where
 *   recall_c = correct_c / support_c. Every class weighs the same, whatever its size.
 * - precision_c = correct_c / predicted_c; F1_c = 2 P R / (P + R), 0 when P + R = 0 or nothing was predicted
 *   as c (sklearn's zero_division=0); macro-F1 = mean of F1_c.
 * A class with no test items (support 0) has no recall: its recall and F1 are null, it is listed in
 * `absentClasses`, and it is left out of UA and macro-F1 (never NaN in JSON). Precision is null when
 * nothing was predicted as that class.
 */
export interface ConfusionMatrix {
  classes: string[];
  /** matrix[t][p] = number of items of true class classes[t] predicted as classes[p] (rows = true). */
  matrix: number[][];
}

export interface ClassificationReport {
  wa: number;
  ua: number;
  macroF1: number;
  perClassRecall: Record<string, number | null>;
  perClassPrecision: Record<string, number | null>;
  perClassF1: Record<string, number | null>;
  confusion: ConfusionMatrix;
  support: Record<string, number>;
  total: number;
  /** Classes with no test items, excluded from UA and macro-F1. */
  absentClasses: string[];
}

export function confusionMatrix(trueLabels: readonly string[], predictedLabels: readonly string[], classes: readonly string[]): ConfusionMatrix {
  if (trueLabels.length !== predictedLabels.length) {
    throw new Error(`confusionMatrix: ${trueLabels.length} true labels but ${predictedLabels.length} predictions`);
  }
  if (new Set(classes).size !== classes.length) throw new Error('confusionMatrix: duplicate class names');
  const index = new Map(classes.map((name, i) => [name, i]));
  const matrix = classes.map(() => classes.map(() => 0));
  trueLabels.forEach((label, i) => {
    const t = index.get(label);
    const p = index.get(predictedLabels[i]!);
    if (t === undefined) throw new Error(`confusionMatrix: true label "${label}" is not one of the classes`);
    if (p === undefined) throw new Error(`confusionMatrix: predicted label "${predictedLabels[i]}" is not one of the classes`);
    matrix[t]![p]! += 1;
  });
  return { classes: [...classes], matrix };
}

/** Element-wise sum of per-fold matrices (same classes, same order), for pooled results over folds. */
export function sumConfusions(confusions: readonly ConfusionMatrix[]): ConfusionMatrix {
  const first = confusions[0];
  if (!first) throw new Error('sumConfusions: no matrices');
  const classes = first.classes;
  for (const c of confusions) {
    if (c.classes.join('\u0000') !== classes.join('\u0000')) throw new Error('sumConfusions: class lists differ');
  }
  const matrix = classes.map((_, t) => classes.map((_, p) => confusions.reduce((s, c) => s + c.matrix[t]![p]!, 0)));
  return { classes: [...classes], matrix };
}

/** All metrics derived from a confusion matrix (one fold, or pooled over folds). */
export function reportFromConfusion(confusion: ConfusionMatrix): ClassificationReport {
  const { classes, matrix } = confusion;
  const total = sum(matrix.map(sum));
  if (total === 0) throw new Error('reportFromConfusion: the confusion matrix is empty');
  const support: Record<string, number> = {};
  const perClassRecall: Record<string, number | null> = {};
  const perClassPrecision: Record<string, number | null> = {};
  const perClassF1: Record<string, number | null> = {};
  const absentClasses: string[] = [];
  let correct = 0;
  classes.forEach((name, c) => {
    const tp = matrix[c]![c]!;
    const actual = sum(matrix[c]!);
    const predicted = sum(matrix.map((row) => row[c]!));
    correct += tp;
    support[name] = actual;
    const recall = actual > 0 ? tp / actual : null;
    const precision = predicted > 0 ? tp / predicted : null;
    perClassRecall[name] = recall;
    perClassPrecision[name] = precision;
    if (recall === null) {
      absentClasses.push(name);
      perClassF1[name] = null;
    } else {
      perClassF1[name] = precision === null || precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    }
  });
  const present = classes.filter((name) => support[name]! > 0);
  return {
    wa: correct / total,
    ua: mean(present.map((name) => perClassRecall[name]!)),
    macroF1: mean(present.map((name) => perClassF1[name]!)),
    perClassRecall,
    perClassPrecision,
    perClassF1,
    confusion: { classes: [...classes], matrix: matrix.map((row) => [...row]) },
    support,
    total,
    absentClasses,
  };
}

/** Metrics for one set of predictions; `classes` fixes the order of the confusion matrix. */
export function evaluate(trueLabels: readonly string[], predictedLabels: readonly string[], classes: readonly string[]): ClassificationReport {
  return reportFromConfusion(confusionMatrix(trueLabels, predictedLabels, classes));
}

export interface FoldPredictions {
  name: string;
  trueLabels: readonly string[];
  predictedLabels: readonly string[];
}

/** Per-fold reports plus the pooled report of the summed confusion matrix. */
export function evaluateFolds(
  folds: readonly FoldPredictions[],
  classes: readonly string[],
): { perFold: { name: string; report: ClassificationReport }[]; pooled: ClassificationReport } {
  const perFold = folds.map((fold) => ({
    name: fold.name,
    report: evaluate(fold.trueLabels, fold.predictedLabels, classes),
  }));
  return { perFold, pooled: reportFromConfusion(sumConfusions(perFold.map((f) => f.report.confusion))) };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}
