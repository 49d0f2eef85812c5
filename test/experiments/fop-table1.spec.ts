import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_ROW, type ExperimentResults } from '@ser/experiments';
import { prepareDataDir, ser } from './prepare-data';

// `ser experiment fop-table1 --smoke` end to end: the embedded platform started by the CLI, two pre-training runs,
// three fine-tuning runs, results.json and results.md checked.
describe('ser experiment fop-table1', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-exp1-'));
    await prepareDataDir(dataDir);
  }, 300_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs None / pre-trained on A / on B and writes the table with its provenance', async () => {
    const out = join(dataDir, 'table1');
    const args = ['experiment', 'fop-table1', '--dataset', 'four', '--pretrain', 'four,demo', '--smoke', '--out', out, '--data-dir', dataDir];
    const r = await ser(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(out, 'results.md'));
    expect(r.stderr).toMatch(/\[1\/6\] pre-training on four: succeeded/);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(results.experiment).toBe('fop-table1');
    expect(results.protocol).toEqual({ kind: 'speaker-holdout' });
    expect(results.repeats).toBe(1);
    expect(results.modelSize).toBe('tiny'); // --smoke's sizes, recorded so a reader knows the table is not paper-size
    expect(results.dataset.name).toBe('four');
    expect(results.pretrainDatasets.map((d) => d.name)).toEqual(['four', 'demo']);
    expect(results.rows.map((r) => r.key)).toEqual(['none', 'pretrain:four', 'pretrain:demo', BASELINE_ROW.key]);
    expect(results.pretraining).toHaveLength(2);
    for (const p of results.pretraining) {
      expect(p.checkpointId).not.toBe('');
      expect(p.resolvedConfig).toMatchObject({ epochs: 2, model: { dModel: 16, numLayers: 2 } });
    }
    expect(results.cells).toHaveLength(4);
    const [none, onFour, onDemo, baseline] = results.cells;
    // The baseline row: log-mel statistics + tuned SVM on the same dataset version, protocol and test speakers.
    expect(baseline!.status, baseline!.error).toBe('succeeded');
    expect(baseline!.config).toMatchObject({
      method: 'fop-hypercolumns',
      representation: 'F',
      pooling: 'mean-std',
      datasetVersionId: results.dataset.versionId,
      repeats: 1,
    });
    expect(baseline!.confusion!.counts.reduce((a, b) => a + b, 0)).toBe(16);
    expect(none!.checkpointId).toBeNull();
    expect(onFour!.checkpointId).toBe(results.pretraining[0]!.checkpointId);
    expect(onDemo!.checkpointId).toBe(results.pretraining[1]!.checkpointId);
    for (const cell of results.cells.slice(0, 3)) {
      expect(cell.status, cell.error).toBe('succeeded');
      expect(cell.runId).toBeTruthy();
      expect(cell.protocol).toBe('speaker-holdout');
      expect(cell.config).toMatchObject({ method: 'fop-fine-tune', datasetVersionId: results.dataset.versionId, epochs: 2, repeats: 1 });
      expect(cell.perRepeat).toHaveLength(1);
      for (const value of [cell.wa!.mean, cell.ua!.mean, cell.perRepeat[0]!.wa, cell.perRepeat[0]!.ua]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      // Two of the four speakers (8 clips each) are the test set.
      expect(cell.confusion!.counts.reduce((a, b) => a + b, 0)).toBe(16);
      // Its per-epoch curves beside results.json: the one fold of the one repeat, an epoch a line, both losses.
      expect(cell.curvesFile).toBe(`curves/${cell.row.replace(':', '_')}__fine-tune.csv`);
      const [header, ...lines] = readFileSync(join(out, cell.curvesFile!), 'utf8').trim().split('\n');
      expect(header).toBe('repeat,fold,epoch,train_loss,validation_loss');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(2); // 2 epochs, fewer if early stopping ended the fold
      lines.forEach((line, e) => {
        const [repeat, fold, epoch, train, validation] = line.split(',').map(Number);
        expect([repeat, fold, epoch]).toEqual([0, 0, e]);
        expect(Number.isFinite(train) && Number.isFinite(validation)).toBe(true);
      });
    }
    expect(readFileSync(join(out, baseline!.curvesFile!), 'utf8')).toBe('repeat,fold,epoch,train_loss,validation_loss\n'); // an SVM: no epochs

    const md = readFileSync(join(out, 'results.md'), 'utf8');
    expect(md).toContain('| Pre-training | WA (%) | UA (%) |');
    for (const [i, label] of ['None (random init)', 'FOP pre-trained on four', 'FOP pre-trained on demo', BASELINE_ROW.label].entries()) {
      const wa = (results.cells[i]!.wa!.mean * 100).toFixed(1);
      const ua = (results.cells[i]!.ua!.mean * 100).toFixed(1);
      expect(md).toContain(`| ${label} | ${wa} | ${ua} |`);
    }
    expect(md).toContain('`speaker-holdout`');
    expect(md).toContain('Repeats: 1');
    expect(md).toContain('Model size: `tiny`');
    expect(md).toContain(results.dataset.versionId);
    expect(md).toContain(`ser ${args.join(' ')}`);
    expect(md).toMatch(/WA \(weighted accuracy\)/);
    expect(md).toMatch(/UA \(unweighted accuracy\)/);
  }, 600_000);

  it('names an unknown dataset and exits 1, and refuses bad options with exit 2', async () => {
    const r = await ser([
      'experiment',
      'fop-table1',
      '--dataset',
      'no-such-corpus',
      '--pretrain',
      'four',
      '--smoke',
      '--out',
      join(dataDir, 'x'),
      '--data-dir',
      dataDir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown dataset 'no-such-corpus'.*'demo', 'four'/);
    const bad = await ser(['experiment', 'fop-table1', '--dataset', 'four', '--pretrain', 'four', '--protocol', 'coin-flip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/coin-flip/);
    expect((await ser(['experiment', 'fop-table1', '--pretrain', 'four'])).stderr).toMatch(/--dataset is required/);
    const size = await ser(['experiment', 'fop-table1', '--dataset', 'four', '--pretrain', 'four', '--model-size', 'huge']);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/model size must be one of paper, small, tiny, got 'huge'/);
    const gateway = await ser(['experiment', 'fop-table1', '--dataset', 'four', '--pretrain', 'four', '--gateway', 'http://127.0.0.1:4000/graphql']);
    expect(gateway.code).toBe(2);
    expect(gateway.stderr).toMatch(/--gateway goes with --remote/);
  }, 600_000); // six CLI start-ups (one opens the platform): minutes on a loaded 2-core machine
});
