// The t-SNE figure's data: the test utterances' representations of TACN on deep features and of TACN on fused
// ones (the TACN paper's comparison), fetched from their classifier runs.
import { callUnary } from '@ser/grpc-kit';
import type { ExperimentBackend } from '../backend';
import type { CellResult, ExperimentResults } from '../results';

export interface RepresentationPanel {
  name: string;
  vectors: number[][];
  labels: string[];
}

/** At most this many points per panel: t-SNE's cost grows with the square of the points. */
export const MAX_TSNE_POINTS = 1500;

/** The cells compared: Table 1's TACN row, Table 2's Deep TACN and Fusion TACN rows. */
export function tsneCells(results: ExperimentResults): { deep?: CellResult; fusion?: CellResult } {
  const find = (row: string, column: string) => results.cells.find((c) => c.row === row && c.column === column);
  return results.experiment === 'tacn-table1'
    ? { deep: find('tacn', 'deep'), fusion: find('tacn', 'fusion') }
    : { deep: find('deep-tacn', 'result'), fusion: find('fusion-tacn', 'result') };
}

/** Every k-th row so that at most `max` remain (the order mixes classes and speakers, so k-th rows keep both). */
export function thin<T>(rows: readonly T[], max: number): T[] {
  if (rows.length <= max) return [...rows];
  const step = rows.length / max;
  return Array.from({ length: max }, (_, i) => rows[Math.floor(i * step)]!);
}

/**
 * The panels 'Deep' (the deep TACN run's CNN representation) and 'Fused' (the fusion TACN run's fusion-layer
 * output); a cell that failed or a run that kept none is left out, with the reason in `missing`.
 */
export async function fetchTsnePanels(backend: ExperimentBackend, results: ExperimentResults): Promise<{ panels: RepresentationPanel[]; missing: string[] }> {
  const cells = tsneCells(results);
  const panels: RepresentationPanel[] = [];
  const missing: string[] = [];
  for (const [name, cell, field] of [
    ['Deep', cells.deep, 'deep'],
    ['Fused', cells.fusion, 'fused'],
  ] as const) {
    if (!cell || cell.status !== 'succeeded' || !cell.runId) {
      missing.push(`${name}: its TACN cell did not succeed`);
      continue;
    }
    try {
      const { utterances } = await callUnary(backend.classifier, 'GetClassifierRunRepresentations', { runId: cell.runId });
      const kept = thin(utterances, MAX_TSNE_POINTS);
      panels.push({ name, vectors: kept.map((u) => u[field]), labels: kept.map((u) => u.label) });
    } catch (err) {
      missing.push(`${name}: run ${cell.runId} gave no representations (${(err as { details?: string }).details || (err as Error).message})`);
    }
  }
  return { panels, missing };
}
