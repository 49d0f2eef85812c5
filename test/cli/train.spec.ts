import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResults } from '@ser/experiments';
import { prepareDataDir, ser } from '../experiments/prepare-data';

// `ser train` end to end on the embedded platform: pre-training, the recipe's classifier run registering a model
// with its model card, the baseline under the same folds, and the promote command printed.
describe('ser train', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-train-'));
    await prepareDataDir(dataDir);
  }, 300_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('registers a model with its evaluation and card, beside the baseline, and says how to promote it', async () => {
    const out = join(dataDir, 'trained');
    const r = await ser(['train', '--dataset', 'four', '--model-name', 'four-voices', '--smoke', '--out', out, '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/registered four-voices version 1: \d+\.\d UA, \d+\.\d WA \(speaker-holdout/);
    expect(r.stdout).toMatch(/baseline, log-mel statistics \+ SVM on the same folds: \d+\.\d UA/);
    expect(r.stdout).toContain('promoteModel(name: "four-voices", version: 1, alias: "production")');

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(results.experiment).toBe('train-recipe');
    expect(results.pretraining.map((p) => p.datasetName)).toEqual(['four']);
    const [model, baseline] = results.cells;
    expect(model).toMatchObject({ row: 'recipe', status: 'succeeded', model: { name: 'four-voices', version: 1 } });
    expect(model!.config).toMatchObject({
      method: 'fop-hypercolumns',
      representation: 'h2',
      classifier: 'svm',
      pooling: 'mean-std',
      protocol: { kind: 'speaker-holdout' },
    });
    expect(baseline).toMatchObject({ row: 'baseline', status: 'succeeded' });
    expect(baseline!.config).toMatchObject({ representation: 'F', pooling: 'mean-std' });
    expect(baseline!.model).toBeUndefined(); // only the recipe's run registers a model
    expect(JSON.parse(readFileSync(join(out, 'recipe.json'), 'utf8'))).toMatchObject({ pretrainAlso: [], baseline: true });
    const card = join(dataDir, 'artifacts', 'models', model!.runId!, 'model-card.md');
    expect(existsSync(card), card).toBe(true);
    expect(readFileSync(card, 'utf8')).toContain('four');
  }, 900_000);

  it('takes over the pre-training of earlier results with --reuse, so a second recipe trains only its classifier', async () => {
    const first = JSON.parse(readFileSync(join(dataDir, 'trained', 'results.json'), 'utf8')) as ExperimentResults;
    const recipe = join(dataDir, 'svm.yaml');
    writeFileSync(recipe, 'classifier: { method: fop-hypercolumns, representation: h2, classifier: svm, pooling: mean-std }\nbaseline: false\n');
    const out = join(dataDir, 'second');
    const r = await ser([
      'train',
      '--dataset',
      'four',
      '--model-name',
      'four-voices',
      '--smoke',
      '--config',
      recipe,
      '--reuse',
      join(dataDir, 'trained'),
      '--out',
      out,
      '--data-dir',
      dataDir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`reused run ${first.pretraining[0]!.runId}`);
    const second = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(second.pretraining[0]).toMatchObject({ runId: first.pretraining[0]!.runId, reused: true });
    expect(second.cells).toHaveLength(1);
    expect(second.cells[0]).toMatchObject({ row: 'recipe', status: 'succeeded', model: { name: 'four-voices', version: 2 } });
    const unreadable = await ser(['train', '--dataset', 'four', '--reuse', join(dataDir, 'nowhere'), '--data-dir', dataDir]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('--reuse: cannot read results');
  }, 900_000);

  it('takes a recipe file, and refuses one with an unknown key (exit 2)', async () => {
    const bad = join(dataDir, 'bad.yaml');
    writeFileSync(bad, 'pretrainAlso: [demo]\nlearningRate: 3\n');
    const refused = await ser(['train', '--dataset', 'four', '--config', bad, '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Unrecognized key.*learningRate|learningRate/);
    const missing = await ser(['train', '--data-dir', dataDir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--dataset is required');
  }, 120_000);

  it('refuses an unknown --normalize before anything runs (exit 2)', async () => {
    const refused = await ser(['train', '--dataset', 'four', '--normalize', 'per-utterance', '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("normalize must be one of none, per-corpus, per-speaker, got 'per-utterance'");
  }, 120_000);
});
