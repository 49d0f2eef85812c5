import { meanStd } from './repeats';

export interface FormatOptions {
  /** Multiply by 100 first (metrics are fractions; papers print percentages). */
  percent?: boolean;
}

/** "62.3 ± 1.4" (sample std); a single value prints without "±" since its spread is unknown. */
export function formatMeanStd(values: readonly number[], digits = 1, options: FormatOptions = {}): string {
  const scale = options.percent ? 100 : 1;
  const { mean, std } = meanStd(values);
  const head = (mean * scale).toFixed(digits);
  return std === null ? head : `${head} ± ${(std * scale).toFixed(digits)}`;
}

export type ResultsRow = Record<string, string | number>;

/**
 * A GitHub markdown table for an experiment's results.md. Columns are `columns` when given, otherwise every
 * key in the order first seen; missing cells are empty; "|" and line breaks in cells are escaped.
 */
export function resultsTable(rows: readonly ResultsRow[], columns?: readonly string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (header.length === 0) throw new Error('resultsTable: no columns');
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header.map(escapeCell)),
    line(header.map(() => '---')),
    ...rows.map((row) => line(header.map((column) => escapeCell(row[column] === undefined ? '' : String(row[column]))))),
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
