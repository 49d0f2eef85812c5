import { describe, expect, it } from 'vitest';
import type { CellResult, ExperimentResults } from '../results';
import { thin, tsneCells } from './representations';

const cell = (row: string, column: string) => ({ row, column }) as CellResult;

describe('t-SNE representations', () => {
  it('compares TACN on deep and on fused features: Table 1 by row and column, Table 2 by row', () => {
    const table1 = { experiment: 'tacn-table1', cells: [cell('tcn', 'deep'), cell('tacn', 'deep'), cell('tacn', 'fusion')] } as ExperimentResults;
    expect(tsneCells(table1)).toEqual({ deep: cell('tacn', 'deep'), fusion: cell('tacn', 'fusion') });
    const table2 = {
      experiment: 'tacn-table2',
      cells: [cell('deep-tcn', 'result'), cell('deep-tacn', 'result'), cell('fusion-tacn', 'result')],
    } as ExperimentResults;
    expect(tsneCells(table2)).toEqual({ deep: cell('deep-tacn', 'result'), fusion: cell('fusion-tacn', 'result') });
  });

  it('thins to at most the cap, spread over the whole list', () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    expect(thin(rows, 20)).toEqual(rows);
    expect(thin(rows, 4)).toEqual([0, 2, 5, 7]);
  });
});
