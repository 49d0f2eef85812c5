import { describe, expect, it } from 'vitest';
import { BASELINE_ROW, baselineConfig, type ExperimentPlan } from '../plan';
import { resolveSettings } from '../settings';
import { buildTacnTable1Plan, buildTacnTable2Plan, FEATURE_SETS, SEQUENCE_MODELS, TACN_SMALL, TACN_SMOKE } from './plan';

/** The sequence-model cells: every cell but the baseline row's. */
const sequenceRuns = (plan: ExperimentPlan) => plan.classifierRuns.filter((r) => r.row !== BASELINE_ROW.key);

describe('TACN experiment plans', () => {
  it('Table 1: 7 sequence models x {Deep, Fusion}; only Fusion cells use the one VQ-VAE pre-training', () => {
    const plan = buildTacnTable1Plan('iemocap', ['librispeech'], resolveSettings({ repeats: 3, seed: 7 }));
    expect(plan.pretraining).toEqual([{ key: 'vqvae:librispeech', service: 'vqvae', datasetName: 'librispeech', config: { seed: 7 } }]);
    expect(sequenceRuns(plan)).toHaveLength(SEQUENCE_MODELS.length * FEATURE_SETS.length);
    for (const run of sequenceRuns(plan)) {
      expect(run.config).toMatchObject({ method: 'sequence-model', sequenceModel: run.row, features: run.column, repeats: 3, seed: 7 });
      expect(run.pretrainKey).toBe(run.column === 'fusion' ? 'vqvae:librispeech' : null);
      expect(run.config).not.toHaveProperty('model'); // the paper's sizes: the service's defaults
    }
  });

  it('Table 2 smoke: Deep/Fusion TCN/TACN with the tiny sizes and a tiny VQ-VAE', () => {
    const plan = buildTacnTable2Plan('four', ['demo'], resolveSettings({ smoke: true }));
    expect(plan.rows.map((r) => r.label)).toEqual(['Deep TCN', 'Fusion TCN', 'Deep TACN', 'Fusion TACN', BASELINE_ROW.label]);
    expect(plan.pretraining[0]!.config).toMatchObject({ model: TACN_SMOKE.vqvae, epochs: 2 });
    const fusionTacn = plan.classifierRuns.find((r) => r.row === 'fusion-tacn')!;
    expect(fusionTacn.config).toMatchObject({
      sequenceModel: 'tacn',
      features: 'fusion',
      model: TACN_SMOKE.model,
      epochs: 2,
      repeats: 1,
      vqvaeFineTuneEpochs: 1,
    });
    expect(plan.classifierRuns.find((r) => r.row === 'deep-tcn')!.config).not.toHaveProperty('vqvaeFineTuneEpochs');
  });

  it('--model-size small: small CNN/TACN sizes in every cell, a small VQ-VAE, recorded in the plan', () => {
    const plan = buildTacnTable2Plan('urdu', ['urdu'], resolveSettings({ modelSize: 'small', epochs: 4 }));
    expect(plan.modelSize).toBe('small');
    expect(plan.pretraining[0]!.config).toMatchObject({ model: TACN_SMALL.vqvae });
    for (const run of sequenceRuns(plan))
      expect(run.config).toMatchObject({ model: TACN_SMALL.model, maxSegments: TACN_SMALL.maxSegments, epochs: 4, repeats: 20 });
    expect(plan.classifierRuns.find((r) => r.row === 'fusion-tacn')!.config.vqvaeFineTuneEpochs).toBe(TACN_SMALL.vqvaeFineTuneEpochs);
    expect(buildTacnTable2Plan('urdu', ['urdu'], resolveSettings({ smoke: true, modelSize: 'paper' })).classifierRuns[0]!.config).not.toHaveProperty('model');
  });

  it('--batch-size reaches the VQ-VAE pre-training and every classifier run', () => {
    const plan = buildTacnTable1Plan('urdu', ['urdu'], resolveSettings({ modelSize: 'small', batchSize: 32 }));
    expect(plan.pretraining[0]!.config).toMatchObject({ batchSize: 32 });
    for (const run of sequenceRuns(plan)) expect(run.config).toMatchObject({ batchSize: 32 });
    expect(() => resolveSettings({ batchSize: 0 })).toThrow(/batchSize must be a positive integer/);
  });

  it('--optimizer, --learning-rate and --patience reach every classifier run; bad values are refused', () => {
    const plan = buildTacnTable2Plan('urdu', ['urdu'], resolveSettings({ optimizer: 'adam', learningRate: 5e-4, patience: 8 }));
    for (const run of sequenceRuns(plan)) expect(run.config).toMatchObject({ optimizer: 'adam', learningRate: 5e-4, patience: 8 });
    expect(buildTacnTable2Plan('urdu', ['urdu'], resolveSettings({})).classifierRuns[0]!.config).not.toHaveProperty('optimizer');
    expect(() => resolveSettings({ optimizer: 'sgd' })).toThrow(/optimizer must be adadelta or adam/);
    expect(() => resolveSettings({ learningRate: 0 })).toThrow(/learning rate must be a positive number/);
    expect(() => resolveSettings({ patience: -1 })).toThrow(/patience must be a non-negative integer/);
  });

  it("both tables end with the baseline row: log-mel mean + std into a tuned SVM, no pre-training, the table's protocol, repeats and seed", () => {
    const settings = resolveSettings({ repeats: 3, seed: 7, protocol: 'leave-one-speaker-out' });
    for (const [plan, column] of [
      [buildTacnTable1Plan('ravdess', ['librispeech'], settings), 'deep'],
      [buildTacnTable2Plan('ravdess', ['librispeech'], settings), 'result'],
    ] as const) {
      expect(plan.rows.at(-1)).toEqual(BASELINE_ROW);
      const baseline = plan.classifierRuns.filter((r) => r.row === BASELINE_ROW.key);
      expect(baseline).toEqual([{ row: BASELINE_ROW.key, column, pretrainKey: null, config: baselineConfig(settings) }]);
      expect(baseline[0]!.config).toEqual({
        method: 'fop-hypercolumns',
        representation: 'F',
        classifier: 'svm',
        pooling: 'mean-std',
        svm: { search: {} },
        protocol: settings.protocol,
        repeats: 3,
        seed: 7,
      });
      expect(settings.protocol.kind).toBe('leave-one-speaker-out');
    }
    // The TACN tables' own default protocol (the paper's stratified 80/20) reaches the baseline too.
    const paper = resolveSettings({ paperProtocol: 'stratified-holdout' });
    expect(buildTacnTable2Plan('ravdess', ['librispeech'], paper).classifierRuns.at(-1)!.config.protocol).toEqual(paper.protocol);
  });

  it('takes exactly one VQ-VAE pre-training dataset', () => {
    expect(() => buildTacnTable2Plan('four', ['a', 'b'], resolveSettings({}))).toThrow(/exactly one/);
  });
});
