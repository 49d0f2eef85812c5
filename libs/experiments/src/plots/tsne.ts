// t-SNE of per-utterance representations (e.g. deep vs fused segment features, mean over an utterance's
// segments) as a scatter plot coloured by class.
import { TSNE } from '@saehrimnir/druidjs';
import type { TopLevelSpec } from 'vega-lite';
import { specToPng } from './render';

export interface TsneOptions {
  seed: number;
  /** Effective neighbours; capped below the number of points (t-SNE needs perplexity < n). */
  perplexity?: number;
  iterations?: number;
}

/** 2-D t-SNE embedding of `vectors` (one row per point). */
export function tsne2d(vectors: readonly ArrayLike<number>[], options: TsneOptions): number[][] {
  if (vectors.length < 3) throw new RangeError(`t-SNE needs at least 3 points, got ${vectors.length}`);
  const perplexity = Math.min(options.perplexity ?? 30, Math.max(1, Math.floor((vectors.length - 1) / 3))); // 30: van der Maaten's usual value
  const X = vectors.map((v) => Float64Array.from(v));
  const Y = new TSNE(X, { d: 2, perplexity, seed: options.seed }).transform(options.iterations ?? 500);
  return Array.from(Y as Float64Array[], (row) => [row[0]!, row[1]!]);
}

export interface ScatterPanel {
  /** Panel name, e.g. 'Deep' or 'Fusion'. */
  name: string;
  points: number[][];
  labels: string[];
}

/** Side-by-side scatter plots (one per panel), points coloured by class. */
export function tsneScatterSpec(panels: readonly ScatterPanel[], title: string): TopLevelSpec {
  const values = panels.flatMap((p) => p.points.map(([x, y], i) => ({ panel: p.name, x, y, label: p.labels[i]! })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values },
    facet: { column: { field: 'panel', type: 'nominal', sort: panels.map((p) => p.name), title: null } },
    spec: {
      width: 260,
      height: 260,
      mark: { type: 'point', filled: true, size: 30, opacity: 0.8 },
      encoding: {
        x: { field: 'x', type: 'quantitative', axis: null },
        y: { field: 'y', type: 'quantitative', axis: null },
        color: { field: 'label', type: 'nominal', title: 'Class' },
      },
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

/** PNG of t-SNE panels of the given representations (each embedded on its own). */
export function tsnePng(
  panels: ReadonlyArray<{ name: string; vectors: readonly ArrayLike<number>[]; labels: string[] }>,
  title: string,
  options: TsneOptions,
): Promise<Buffer> {
  return specToPng(
    tsneScatterSpec(
      panels.map((p) => ({ name: p.name, labels: p.labels, points: tsne2d(p.vectors, options) })),
      title,
    ),
  );
}
