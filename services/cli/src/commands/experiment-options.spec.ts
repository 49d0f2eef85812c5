import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEarlierResults } from './experiment-options';

describe('readEarlierResults (--reuse)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ser-reuse-'));
    dirs.push(dir);
    return dir;
  };

  it("reads a folder's results.json and makes each cell's curves file absolute, so new results can copy it", () => {
    const dir = folder();
    mkdirSync(join(dir, 'curves'));
    const cells = [
      { row: 'deep-tcn', column: 'result', status: 'succeeded', curvesFile: 'curves/deep-tcn__result.csv' },
      { row: 'baseline', column: 'result', status: 'succeeded' },
    ];
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ experiment: 'tacn-table2', cells, pretraining: [] }));
    const [results] = readEarlierResults(` ${dir} `);
    expect(results!.cells.map((c) => c.curvesFile)).toEqual([join(dir, 'curves/deep-tcn__result.csv'), undefined]);
  });

  it('is a usage error naming the file when it is not results', () => {
    const dir = folder();
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ cells: 'none' }));
    expect(() => readEarlierResults(dir)).toThrow(/--reuse: cannot read results from .*results\.json: no cells or pre-training list/);
  });
});
