import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CurveRecorder, curvesCsv, curvesFileName, epochPoint } from './curves';
import type { CellResult, ExperimentResults } from './results';
import { writeResults } from './write-results';

// The classifier-trainer's epoch event (run-manager.ts): losses {train, validation}, "repeat R fold F epoch E".
const epoch = (repeat: number, fold: number, e: number, train: number, validation?: number) => ({
  epoch: e,
  losses: (validation === undefined ? { train } : { train, validation }) as Record<string, number>,
  message: `repeat ${repeat} fold ${fold} epoch ${e}`,
});

describe('per-epoch curves of a cell run', () => {
  it('reads epoch events only, in repeat/fold/epoch order, the last report of an epoch winning', () => {
    const recorder = new CurveRecorder();
    recorder.record(epoch(0, 1, 0, 1.5, 1.6));
    recorder.record({ epoch: 0, losses: {}, message: 'repeat 0 fold 0 evaluated: WA 0.500 UA 0.500' });
    recorder.record(epoch(0, 0, 1, 1.2, 1.3));
    recorder.record(epoch(0, 0, 0, 1.4, 1.45));
    recorder.record(epoch(0, 0, 1, 1.1, 1.25));
    expect(recorder.curve).toEqual([
      { repeat: 0, fold: 0, epoch: 0, trainLoss: 1.4, validationLoss: 1.45 },
      { repeat: 0, fold: 0, epoch: 1, trainLoss: 1.1, validationLoss: 1.25 },
      { repeat: 0, fold: 1, epoch: 0, trainLoss: 1.5, validationLoss: 1.6 },
    ]);
    expect(epochPoint(epoch(2, 3, 4, 0.5))).toEqual({ repeat: 2, fold: 3, epoch: 4, trainLoss: 0.5, validationLoss: null });
  });

  it('writes one CSV per cell beside results.json, which names it instead of holding the points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ser-curves-'));
    try {
      const cell = (row: string, column: string, curves?: CellResult['curves']) =>
        ({ row, column, status: 'succeeded', runId: `run-${row}`, curves }) as unknown as CellResult;
      const results = {
        experiment: 'fop-table2',
        rows: [],
        columns: [],
        cells: [cell('pretrain:four', 'attention-lstm', [{ repeat: 0, fold: 0, epoch: 0, trainLoss: 1.25, validationLoss: null }]), cell('h2', 'svm', [])],
      } as unknown as ExperimentResults;
      await writeResults(dir, results).catch(() => undefined); // results.md needs a full table; the files before it are what this checks
      const file = curvesFileName({ row: 'pretrain:four', column: 'attention-lstm' });
      expect(file).toBe('curves/pretrain_four__attention-lstm.csv');
      expect(readFileSync(join(dir, file), 'utf8')).toBe(curvesCsv([{ repeat: 0, fold: 0, epoch: 0, trainLoss: 1.25, validationLoss: null }]));
      expect(readFileSync(join(dir, file), 'utf8')).toBe('repeat,fold,epoch,train_loss,validation_loss\n0,0,0,1.25,\n');
      // A classifier without epochs (SVM) still gets its file, with the header only.
      expect(readFileSync(join(dir, 'curves/h2__svm.csv'), 'utf8')).toBe('repeat,fold,epoch,train_loss,validation_loss\n');
      const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ExperimentResults;
      expect(json.cells.map((c) => [c.curvesFile, c.curves])).toEqual([
        ['curves/pretrain_four__attention-lstm.csv', undefined],
        ['curves/h2__svm.csv', undefined],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("copies a reused cell's curves from the earlier experiment's folder, and links none when there are none", async () => {
    const earlier = mkdtempSync(join(tmpdir(), 'ser-curves-earlier-'));
    const dir = mkdtempSync(join(tmpdir(), 'ser-curves-'));
    try {
      mkdirSync(join(earlier, 'curves'));
      const csv = 'repeat,fold,epoch,train_loss,validation_loss\n0,0,0,1.5,1.75\n';
      writeFileSync(join(earlier, 'curves/deep-tcn__result.csv'), csv);
      const cell = (row: string, curvesFile?: string) =>
        ({ row, column: 'result', status: 'succeeded', runId: `run-${row}`, reusedFrom: `run-${row}`, curvesFile }) as unknown as CellResult;
      const results = {
        experiment: 'tacn-table2',
        rows: [],
        columns: [],
        cells: [cell('deep-tcn', join(earlier, 'curves/deep-tcn__result.csv')), cell('deep-tacn', join(earlier, 'curves/deep-tacn__result.csv'))],
      } as unknown as ExperimentResults;
      await writeResults(dir, results).catch(() => undefined); // results.md needs a full table; the files before it are what this checks
      expect(readFileSync(join(dir, 'curves/deep-tcn__result.csv'), 'utf8')).toBe(csv);
      const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ExperimentResults;
      expect(json.cells.map((c) => c.curvesFile)).toEqual(['curves/deep-tcn__result.csv', undefined]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(earlier, { recursive: true, force: true });
    }
  });
});
