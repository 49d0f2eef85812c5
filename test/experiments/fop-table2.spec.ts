import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_ROW, HYPERCOLUMN_CLASSIFIERS, HYPERCOLUMN_REPRESENTATIONS, type ExperimentResults } from '@ser/experiments';
import { prepareDataDir, ser } from './prepare-data';

// `ser experiment fop-table2 --smoke` end to end: one pre-training, 5 representations x 3 classifiers on its
// frozen FOP, results.json and results.md checked. Needs the classifier-trainer's 'fop-hypercolumns' method.
describe('ser experiment fop-table2', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-exp2-'));
    await prepareDataDir(dataDir);
  }, 300_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fills every representation x classifier cell from one frozen pre-trained FOP', async () => {
    const out = join(dataDir, 'table2');
    const r = await ser(['experiment', 'fop-table2', '--dataset', 'four', '--pretrain', 'demo', '--smoke', '--out', out, '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(results.experiment).toBe('fop-table2');
    expect(results.protocol).toEqual({ kind: 'speaker-holdout' });
    expect(results.pretraining).toHaveLength(1);
    const checkpointId = results.pretraining[0]!.checkpointId;
    expect(checkpointId).not.toBe('');
    expect(results.cells).toHaveLength(16); // 15 cells and the log-mel statistics baseline's SVM
    for (const row of HYPERCOLUMN_REPRESENTATIONS) {
      for (const column of HYPERCOLUMN_CLASSIFIERS) {
        const cell = results.cells.find((c) => c.row === row.key && c.column === column.key)!;
        expect(cell.status, `${row.key} × ${column.key}: ${cell.error}`).toBe('succeeded');
        expect(cell.checkpointId).toBe(checkpointId);
        expect(cell.config).toMatchObject({
          method: 'fop-hypercolumns',
          representation: row.key,
          classifier: column.key,
          pretrainedCheckpointId: checkpointId,
        });
        expect(cell.protocol).toBe('speaker-holdout');
        for (const value of [cell.wa!.mean, cell.ua!.mean]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }
    }

    const md = readFileSync(join(out, 'results.md'), 'utf8');
    const header = `| Representation | ${HYPERCOLUMN_CLASSIFIERS.map((c) => c.label).join(' | ')} |`;
    expect(md).toContain(`### WA (%)\n\n${header}`);
    expect(md).toContain(`### UA (%)\n\n${header}`);
    for (const row of HYPERCOLUMN_REPRESENTATIONS) {
      const cells = HYPERCOLUMN_CLASSIFIERS.map((c) => (results.cells.find((x) => x.row === row.key && x.column === c.key)!.wa!.mean * 100).toFixed(1));
      expect(md).toContain(`| ${row.label} | ${cells.join(' | ')} |`);
    }
    const baseline = results.cells.find((c) => c.row === BASELINE_ROW.key)!;
    expect(baseline.config).toMatchObject({ representation: 'F', pooling: 'mean-std', classifier: 'svm' });
    expect(baseline.status, baseline.error).toBe('succeeded');
    expect(md).toContain(`| ${BASELINE_ROW.label} | ${(baseline.wa!.mean * 100).toFixed(1)} | – | – |`);
    expect(md).toContain('`speaker-holdout`');
    expect(md).not.toContain('failed');
  }, 900_000);

  it('takes exactly one pre-training dataset', async () => {
    const r = await ser(['experiment', 'fop-table2', '--dataset', 'four', '--pretrain', 'four,demo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exactly 1/);
  }, 120_000);
});
