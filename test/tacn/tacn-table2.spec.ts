import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResults } from '@ser/experiments';
import { prepareDataDir, ser } from '../experiments/prepare-data';

const PNG_SIGNATURE = '89504e470d0a1a0a';

// `ser experiment tacn-table2 --smoke` end to end: a VQ-VAE pre-trained on 'demo', Deep/Fusion TCN and TACN on
// 'four', and the log-mel statistics + tuned SVM baseline row; results.json, results.md (F1, WA, UA), one
// confusion-matrix PNG per cell and the t-SNE PNG.
describe('ser experiment tacn-table2', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-tacn2-'));
    await prepareDataDir(dataDir);
  }, 300_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('pre-trains the VQ-VAE once and fills Deep/Fusion TCN/TACN with metrics and confusion-matrix images', async () => {
    const out = join(dataDir, 'tacn2');
    const r = await ser(['experiment', 'tacn-table2', '--dataset', 'four', '--vqvae-pretrain', 'demo', '--smoke', '--out', out, '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(results.experiment).toBe('tacn-table2');
    expect(results.pretraining).toHaveLength(1);
    const checkpointId = results.pretraining[0]!.checkpointId;
    expect(checkpointId).not.toBe('');
    expect(results.cells.map((c) => c.row)).toEqual(['deep-tcn', 'fusion-tcn', 'deep-tacn', 'fusion-tacn', 'baseline']);
    for (const cell of results.cells.slice(0, 4)) {
      expect(cell.status, `${cell.row}: ${cell.error}`).toBe('succeeded');
      const fusion = cell.row.startsWith('fusion');
      expect(cell.config).toMatchObject({ method: 'sequence-model', features: fusion ? 'fusion' : 'deep' });
      expect(cell.config.vqvaeCheckpointId).toBe(fusion ? checkpointId : undefined);
      for (const value of [cell.wa!.mean, cell.ua!.mean, cell.macroF1!.mean]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      const png = readFileSync(join(out, `confusion-${cell.row}-result.png`));
      expect(png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    }
    // The baseline row: log-mel mean + std into a tuned SVM under the table's protocol, repeats and seed, with no
    // pre-training (representation F needs no FOP checkpoint), scored like the other cells.
    const baseline = results.cells[4]!;
    expect(baseline.status, baseline.error).toBe('succeeded');
    expect(baseline.config).toMatchObject({
      method: 'fop-hypercolumns',
      representation: 'F',
      pooling: 'mean-std',
      classifier: 'svm',
      protocol: results.protocol,
      repeats: results.repeats,
      seed: results.seed,
    });
    expect(baseline.config).not.toHaveProperty('pretrainedCheckpointId');
    expect(baseline.checkpointId).toBeNull();
    expect(baseline.perRepeat).toHaveLength(results.repeats);
    for (const value of [baseline.wa!.mean, baseline.ua!.mean, baseline.macroF1!.mean]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    const md = readFileSync(join(out, 'results.md'), 'utf8');
    expect(md).toMatch(/\| Baseline: log-mel mean \+ std, RBF SVM [^|]*\| \d+\.\d/);
    expect(md).toContain('| Model | F1 (%) | WA (%) | UA (%) |');
    expect(md).toContain('![Fusion TACN](confusion-fusion-tacn-result.png)');
    // The t-SNE of the Deep TACN run's deep and the Fusion TACN run's fused test-utterance representations.
    expect(md).toContain('![t-SNE of deep and fused representations](tsne-deep-vs-fused.png)');
    expect(md).not.toContain('left out:');
    expect(readFileSync(join(out, 'tsne-deep-vs-fused.png')).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  }, 900_000);

  it('--reuse takes over the earlier run of the same configs: results from before the baseline row train only that row', async () => {
    const earlier = JSON.parse(readFileSync(join(dataDir, 'tacn2', 'results.json'), 'utf8')) as ExperimentResults;
    // Results written before the table had its baseline row: the same four cells, no baseline.
    const older = join(dataDir, 'tacn2-before-baseline');
    mkdirSync(older);
    writeFileSync(join(older, 'results.json'), JSON.stringify({ ...earlier, rows: earlier.rows.slice(0, 4), cells: earlier.cells.slice(0, 4) }));
    const out = join(dataDir, 'tacn2-again');
    const r = await ser([
      'experiment',
      'tacn-table2',
      '--dataset',
      'four',
      '--vqvae-pretrain',
      'demo',
      '--smoke',
      '--out',
      out,
      '--data-dir',
      dataDir,
      '--reuse',
      older,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const again = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(again.pretraining[0]).toMatchObject({ runId: earlier.pretraining[0]!.runId, reused: true });
    const sequenceCells = (x: ExperimentResults) => x.cells.slice(0, 4);
    expect(sequenceCells(again).map((c) => c.runId)).toEqual(sequenceCells(earlier).map((c) => c.runId));
    expect(sequenceCells(again).map((c) => c.reusedFrom)).toEqual(sequenceCells(earlier).map((c) => c.runId));
    expect(sequenceCells(again).map((c) => c.wa)).toEqual(sequenceCells(earlier).map((c) => c.wa));
    // Only the baseline ran again: a new run, not taken over.
    expect(again.cells[4]).toMatchObject({ row: 'baseline', status: 'succeeded' });
    expect(again.cells[4]!.reusedFrom).toBeUndefined();
    expect(again.cells[4]!.runId).not.toBe(earlier.cells[4]!.runId);
    expect(readFileSync(join(out, 'results.md'), 'utf8')).toContain('Taken over from earlier results with the same configs (--reuse)');
    // The runs still answer for their representations: the t-SNE is drawn again.
    expect(readFileSync(join(out, 'tsne-deep-vs-fused.png')).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);

    const bad = await ser([
      'experiment',
      'tacn-table2',
      '--dataset',
      'four',
      '--vqvae-pretrain',
      'demo',
      '--smoke',
      '--data-dir',
      dataDir,
      '--reuse',
      join(dataDir, 'no-such-dir'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--reuse: cannot read results from .*no-such-dir/);
  }, 300_000);

  it('needs --vqvae-pretrain, not --pretrain', async () => {
    const r = await ser(['experiment', 'tacn-table2', '--dataset', 'four', '--pretrain', 'demo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--vqvae-pretrain is required/);
  }, 120_000);
});
