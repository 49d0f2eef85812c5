// A confusion matrix as a heatmap: rows the true class, columns the predicted one, each cell its count and its
// share of the true class (the recall diagonal reads at a glance).
import type { TopLevelSpec } from 'vega-lite';
import { specToPng } from './render';

export interface ConfusionInput {
  labels: string[];
  /** Row-major [true][predicted], labels.length^2 values. */
  counts: number[];
  title: string;
}

export function confusionMatrixSpec(input: ConfusionInput): TopLevelSpec {
  const n = input.labels.length;
  if (input.counts.length !== n * n) throw new RangeError(`a ${n}-class confusion matrix needs ${n * n} counts, got ${input.counts.length}`);
  const values = input.counts.map((count, i) => {
    const row = Math.floor(i / n);
    const rowTotal = input.counts.slice(row * n, row * n + n).reduce((a, b) => a + b, 0);
    return { actual: input.labels[row]!, predicted: input.labels[i % n]!, count, share: rowTotal > 0 ? count / rowTotal : 0 };
  });
  const cell = Math.max(40, Math.min(80, 320 / n));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title,
    data: { values },
    width: cell * n,
    height: cell * n,
    encoding: {
      x: { field: 'predicted', type: 'nominal', sort: input.labels, title: 'Predicted' },
      y: { field: 'actual', type: 'nominal', sort: input.labels, title: 'True' },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'share', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, title: 'Share of true class' } } },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}

/** PNG of the confusion matrix. */
export function confusionMatrixPng(input: ConfusionInput): Promise<Buffer> {
  return specToPng(confusionMatrixSpec(input));
}
