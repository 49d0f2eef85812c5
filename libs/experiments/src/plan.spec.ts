import { describe, expect, it } from 'vitest';
import { BASELINE_ROW, buildFopTable1Plan, buildFopTable2Plan, pretrainDatasetNames } from './plan';
import { FOP_MODEL_SIZES, PAPER_REPEATS, resolveSettings, SMOKE_SETTINGS } from './settings';

describe('experiment settings', () => {
  it('defaults to the paper: speaker hold-out, 20 repeats, no class weighting, service defaults for epochs', () => {
    const s = resolveSettings({});
    expect(s).toEqual({ protocol: { kind: 'speaker-holdout' }, repeats: PAPER_REPEATS, seed: 1, modelSize: 'paper', classWeights: 'none' });
  });

  it("takes the paper's own protocol when none is asked for, and class weights only as an option", () => {
    expect(resolveSettings({ paperProtocol: 'stratified-holdout' }).protocol).toEqual({ kind: 'stratified-holdout' });
    expect(resolveSettings({ paperProtocol: 'stratified-holdout', protocol: 'leave-one-speaker-out' }).protocol).toEqual({ kind: 'leave-one-speaker-out' });
    expect(resolveSettings({ classWeights: 'balanced' }).classWeights).toBe('balanced');
    expect(() => resolveSettings({ classWeights: 'inverse' })).toThrow(/balanced or none/);
    expect(resolveSettings({ protocol: 'leave-speakers-out' }).protocol).toEqual({ kind: 'leave-speakers-out', folds: 6 });
    expect(resolveSettings({ protocol: 'leave-speakers-out', folds: 4 }).protocol).toEqual({ kind: 'leave-speakers-out', folds: 4 });
    expect(() => resolveSettings({ protocol: 'speaker-holdout', folds: 4 })).toThrow(/--folds is for the leave-speakers-out/);
  });

  it('--model-size small narrows FOP and the attention-LSTM, and the plans record it', () => {
    const s = resolveSettings({ modelSize: 'small', epochs: 3 });
    expect(s).toMatchObject({ modelSize: 'small', repeats: PAPER_REPEATS, epochs: 3, ...FOP_MODEL_SIZES.small });
    expect(s.model).toEqual({ nMels: 80, dModel: 64, numHeads: 2, ffnUnits: 128, numLayers: 2 });
    const plan = buildFopTable1Plan('urdu', ['demo'], s);
    expect(plan.modelSize).toBe('small');
    expect(plan.pretraining[0]!.config.model).toEqual(s.model);
    // Every fine-tuning cell has the small FOP; the baseline row runs no FOP at all.
    expect(plan.classifierRuns.filter((c) => c.row !== 'baseline').every((c) => c.config.model === s.model)).toBe(true);
  });

  it('--smoke means tiny sizes unless a model size is chosen; paper sizes set no model at all', () => {
    expect(resolveSettings({ smoke: true }).modelSize).toBe('tiny');
    const smallSmoke = resolveSettings({ smoke: true, modelSize: 'small' });
    expect(smallSmoke).toMatchObject({
      modelSize: 'small',
      epochs: SMOKE_SETTINGS.epochs,
      model: FOP_MODEL_SIZES.small.model,
      attentionLstm: FOP_MODEL_SIZES.small.attentionLstm,
    });
    const paperSmoke = resolveSettings({ smoke: true, modelSize: 'paper' });
    expect(paperSmoke).not.toHaveProperty('model');
    expect(paperSmoke).not.toHaveProperty('attentionLstm');
    expect(resolveSettings({ modelSize: 'tiny' })).toMatchObject({ model: SMOKE_SETTINGS.model, repeats: PAPER_REPEATS });
  });

  it('--test-speakers names the speaker-holdout test speakers, and only for that protocol', () => {
    expect(resolveSettings({ testSpeakers: ['SM1', 'SF6'] }).protocol).toEqual({ kind: 'speaker-holdout', testSpeakers: ['SM1', 'SF6'] });
    expect(() => resolveSettings({ protocol: 'leave-one-speaker-out', testSpeakers: ['SM1'] })).toThrow(/only with the speaker-holdout protocol/);
    expect(() => resolveSettings({ testSpeakers: [''] })).toThrow(/need speaker ids/);
  });

  it('refuses an unknown model size', () => {
    expect(() => resolveSettings({ modelSize: 'huge' })).toThrow(/model size must be one of paper, small, tiny, got 'huge'/);
  });

  it('starts from the smoke preset and lets explicit values win', () => {
    const s = resolveSettings({ smoke: true, epochs: 3, protocol: 'leave-one-speaker-out' });
    expect(s).toMatchObject({ ...SMOKE_SETTINGS, epochs: 3, protocol: { kind: 'leave-one-speaker-out' } });
  });

  it('refuses an unknown protocol and non-positive counts', () => {
    expect(() => resolveSettings({ protocol: 'coin-flip' })).toThrow(/protocol must be one of .*coin-flip/);
    expect(() => resolveSettings({ repeats: 0 })).toThrow(/repeats must be a positive integer/);
    expect(() => resolveSettings({ pretrainEpochs: 1.5 })).toThrow(/pretrainEpochs/);
  });
});

describe('FOP Table 1 plan', () => {
  const settings = resolveSettings({ smoke: true, seed: 7 });

  it("pre-trains one model on several datasets at once when a name joins them with '+'", () => {
    const plan = buildFopTable1Plan('ravdess4', ['librispeech', 'ravdess4', 'librispeech+ravdess4'], settings);
    expect(plan.pretraining.map((p) => p.datasetName)).toEqual(['librispeech', 'ravdess4', 'librispeech+ravdess4']);
    expect(pretrainDatasetNames(plan.pretraining[2]!.datasetName)).toEqual(['librispeech', 'ravdess4']);
    expect(() => buildFopTable1Plan('ravdess4', ['librispeech+'], settings)).toThrow(/needs dataset names/);
  });

  it('pre-trains once per dataset and fine-tunes None / A / B with one shared config', () => {
    const plan = buildFopTable1Plan('urdu', ['urdu', 'demo'], settings);
    expect(plan.pretraining.map((p) => [p.key, p.datasetName])).toEqual([
      ['pretrain:urdu', 'urdu'],
      ['pretrain:demo', 'demo'],
    ]);
    expect(plan.pretraining[0]!.config).toEqual({ model: SMOKE_SETTINGS.model, epochs: 2, cropFrames: 40, batchSize: 8, patience: 2, seed: 7 });
    expect(plan.rows.map((r) => r.label)).toEqual(['None (random init)', 'FOP pre-trained on urdu', 'FOP pre-trained on demo', BASELINE_ROW.label]);
    expect(plan.classifierRuns.map((c) => c.pretrainKey)).toEqual([null, 'pretrain:urdu', 'pretrain:demo', 'pretrain:urdu']);
    const configs = plan.classifierRuns.map((c) => c.config);
    expect(configs[0]).toEqual({
      method: 'fop-fine-tune',
      model: SMOKE_SETTINGS.model,
      protocol: { kind: 'speaker-holdout' },
      classWeights: 'none',
      repeats: 1,
      epochs: 2,
      cropFrames: 40,
      batchSize: 8,
      patience: 2,
      seed: 7,
    });
    // Every row differs only in its pre-training: the comparison the table makes.
    expect(configs[1]).toEqual(configs[0]);
    expect(configs[2]).toEqual(configs[0]);
    // The baseline row: log-mel statistics + tuned SVM under the very same protocol, repeats and seed.
    expect(configs[3]).toEqual({
      method: 'fop-hypercolumns',
      representation: 'F',
      classifier: 'svm',
      pooling: 'mean-std',
      svm: { search: {} },
      protocol: { kind: 'speaker-holdout' },
      repeats: 1,
      seed: 7,
    });
  });

  it('leaves unset knobs out so the services apply their (paper) defaults', () => {
    const plan = buildFopTable1Plan('urdu', ['demo'], resolveSettings({}));
    expect(plan.pretraining[0]!.config).toEqual({ seed: 1 });
    expect(Object.keys(plan.classifierRuns[0]!.config).sort()).toEqual(['classWeights', 'method', 'protocol', 'repeats', 'seed']);
  });

  it('refuses a dataset named twice or none at all', () => {
    expect(() => buildFopTable1Plan('urdu', ['demo', 'demo'], settings)).toThrow(/twice/);
    expect(() => buildFopTable1Plan('urdu', [], settings)).toThrow(/--pretrain/);
    expect(() => buildFopTable1Plan('', ['demo'], settings)).toThrow(/evaluation dataset/);
  });
});

describe('FOP Table 2 plan', () => {
  it('crosses 5 representations with 3 classifiers over one frozen pre-training', () => {
    const plan = buildFopTable2Plan('urdu', ['demo'], resolveSettings({ epochs: 9, repeats: 3 }));
    expect(plan.pretraining).toHaveLength(1);
    expect(plan.classifierRuns).toHaveLength(16); // 15 cells and the baseline's SVM
    expect(plan.rows.map((r) => r.key)).toEqual(['F', 'h1', 'h2', 'add', 'concat', 'baseline']);
    expect(plan.columns.map((c) => c.key)).toEqual(['svm', 'random-forest', 'attention-lstm']);
    expect(new Set(plan.classifierRuns.map((c) => `${c.row}/${c.column}`)).size).toBe(16);
    // Cheap cells first, so a run stopped early keeps them: the baseline, every SVM, every forest, then the LSTMs.
    expect(plan.classifierRuns.map((c) => c.column)).toEqual([
      'svm',
      ...Array(5).fill('svm'),
      ...Array(5).fill('random-forest'),
      ...Array(5).fill('attention-lstm'),
    ]);
    expect(plan.classifierRuns[0]!.row).toBe('baseline');
    expect(plan.classifierRuns.filter((c) => c.row === 'baseline').map((c) => [c.column, c.config.pooling, c.config.repeats])).toEqual([
      ['svm', 'mean-std', 3],
    ]);
    expect(plan.classifierRuns.every((c) => c.pretrainKey === 'pretrain:demo')).toBe(true);
    const lstm = plan.classifierRuns.find((c) => c.row === 'h2' && c.column === 'attention-lstm')!;
    expect(lstm.config).toEqual({
      method: 'fop-hypercolumns',
      representation: 'h2',
      classifier: 'attention-lstm',
      attentionLstm: { epochs: 9 },
      protocol: { kind: 'speaker-holdout' },
      classWeights: 'none',
      repeats: 3,
      seed: 1,
    });
    const svm = plan.classifierRuns.find((c) => c.row === 'concat' && c.column === 'svm')!;
    expect(svm.config).not.toHaveProperty('attentionLstm');
    const plain = buildFopTable2Plan('urdu', ['demo'], resolveSettings({}));
    expect(plain.classifierRuns.find((c) => c.column === 'attention-lstm')!.config).not.toHaveProperty('attentionLstm');
    const smoke = buildFopTable2Plan('urdu', ['demo'], resolveSettings({ smoke: true }));
    expect(smoke.classifierRuns.find((c) => c.column === 'attention-lstm')!.config.attentionLstm).toEqual({
      ...SMOKE_SETTINGS.attentionLstm,
      epochs: 2,
      patience: 2,
    });
  });

  it('takes exactly one pre-training dataset', () => {
    expect(() => buildFopTable2Plan('urdu', ['a', 'b'], resolveSettings({}))).toThrow(/exactly 1/);
  });
});
