import { describe, expect, it } from 'vitest';
import { resultsMarkdown } from './markdown';
import type { CellResult, ExperimentResults } from './results';
import { METRIC_DEFINITIONS } from './results';

const dataset = {
  name: 'urdu',
  datasetId: 'd1',
  versionId: 'v-urdu',
  versionHash: 'abcdef0123456789',
  utteranceCount: 400,
  classCounts: { sad: 100, angry: 100 },
  speakers: 38,
};

function cell(row: string, column: string, wa: number[], ua: number[]): CellResult {
  return {
    row,
    column,
    status: 'succeeded',
    runId: `run-${row}-${column}`,
    config: {},
    resolvedConfig: {},
    pretrainRunId: null,
    checkpointId: null,
    protocol: 'speaker-holdout',
    labels: ['angry', 'sad'],
    perRepeat: wa.map((w, i) => ({ repeat: i, wa: w, ua: ua[i]!, macroF1: ua[i]! - 0.1 })),
    wa: null,
    ua: null,
    macroF1: null,
    confusion: null,
  };
}

function results(overrides: Partial<ExperimentResults>): ExperimentResults {
  return {
    experiment: 'fop-table1',
    title: 'FOP Table 1: fine-tuning on urdu',
    command: 'ser experiment fop-table1 --dataset urdu --pretrain demo',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T01:00:00.000Z',
    dataset,
    pretrainDatasets: [{ ...dataset, name: 'demo', versionId: 'v-demo' }],
    protocol: { kind: 'speaker-holdout' },
    repeats: 2,
    seed: 5,
    modelSize: 'paper',
    rowHeading: 'Pre-training',
    rows: [
      { key: 'none', label: 'None (random init)' },
      { key: 'pretrain:demo', label: 'FOP pre-trained on demo' },
    ],
    columns: [{ key: 'fine-tune', label: 'Fine-tuning' }],
    pretraining: [
      {
        key: 'pretrain:demo',
        datasetName: 'demo',
        datasetVersionId: 'v-demo',
        runId: 'p-run',
        checkpointId: 'ck-1',
        config: {},
        resolvedConfig: {},
        metrics: {},
      },
    ],
    cells: [cell('none', 'fine-tune', [0.5, 0.6], [0.4, 0.4]), cell('pretrain:demo', 'fine-tune', [0.7, 0.7], [0.61, 0.65])],
    definitions: METRIC_DEFINITIONS,
    ...overrides,
  };
}

describe('results.md', () => {
  it('prints Table 1 as one row per pre-training with WA, UA and macro-F1 mean ± std in percent', () => {
    const md = resultsMarkdown(results({}));
    expect(md).toContain(
      [
        '| Pre-training | WA (%) | UA (%) | macro-F1 (%) |',
        '| --- | --- | --- | --- |',
        '| None (random init) | 55.0 ± 7.1 | 40.0 ± 0.0 | 30.0 ± 0.0 |',
        '| FOP pre-trained on demo | 70.0 ± 0.0 | 63.0 ± 2.8 | 53.0 ± 2.8 |',
      ].join('\n'),
    );
  });

  it('records the protocol, repeats with their seeds, dataset versions, checkpoints, command and metric definitions', () => {
    const md = resultsMarkdown(results({}));
    expect(md).toContain('Protocol: `speaker-holdout`');
    expect(md).toContain('Repeats: 2 (seeds 5–6)');
    expect(md).toContain('`urdu` version `v-urdu` (hash `abcdef012345`; 400 utterances, 38 speakers; angry 100, sad 100)');
    expect(md).toContain('run `p-run`, checkpoint `ck-1`');
    expect(md).toContain('Command: `ser experiment fop-table1 --dataset urdu --pretrain demo`');
    expect(md).toContain(METRIC_DEFINITIONS.wa);
    expect(md).toContain(METRIC_DEFINITIONS.ua);
  });

  it('says the table is not paper-size when the models were smaller, and that it is when they were not', () => {
    expect(resultsMarkdown(results({ modelSize: 'small' }))).toContain('- Model size: `small`: smaller models than the papers');
    expect(resultsMarkdown(results({}))).toContain("- Model size: `paper` (the papers' sizes).");
  });

  it('names the pre-trained model: FOP for the FOP tables, VQ-VAE for the TACN tables', () => {
    expect(resultsMarkdown(results({}))).toContain('- FOP pre-trained on `demo`');
    expect(resultsMarkdown(results({ experiment: 'tacn-table2' }))).toContain('- VQ-VAE pre-trained on `demo`');
  });

  it('prints Table 2 as a WA table and a UA table, representations by classifiers, and marks failed cells', () => {
    const rows = [
      { key: 'F', label: 'F (input frames)' },
      { key: 'h1', label: 'h1 (layer 1 output)' },
    ];
    const columns = [
      { key: 'svm', label: 'SVM' },
      { key: 'random-forest', label: 'Random forest' },
    ];
    const failed: CellResult = { ...cell('h1', 'random-forest', [], []), status: 'failed', error: 'run r9 failed: out of memory' };
    const md = resultsMarkdown(
      results({
        experiment: 'fop-table2',
        rowHeading: 'Representation',
        rows,
        columns,
        repeats: 1,
        cells: [cell('F', 'svm', [0.5], [0.25]), cell('F', 'random-forest', [0.125], [0.5]), cell('h1', 'svm', [1], [1]), failed],
      }),
    );
    expect(md).toContain(
      [
        '### WA (%)',
        '',
        '| Representation | SVM | Random forest |',
        '| --- | --- | --- |',
        '| F (input frames) | 50.0 | 12.5 |',
        '| h1 (layer 1 output) | 100.0 | failed |',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '### UA (%)',
        '',
        '| Representation | SVM | Random forest |',
        '| --- | --- | --- |',
        '| F (input frames) | 25.0 | 50.0 |',
        '| h1 (layer 1 output) | 100.0 | failed |',
      ].join('\n'),
    );
    expect(md).toContain('- h1 × random-forest: run r9 failed: out of memory');
    expect(md).toContain('Repeats: 1 (seed 5)');
  });
});
