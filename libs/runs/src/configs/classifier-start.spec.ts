import { describe, expect, it } from 'vitest';
import { parseClassifierStart as parseConfig } from './classifier-start';

/** The gRPC status code fn throws, or 'no error'. */
function code(fn: () => unknown): number | string {
  try {
    fn();
  } catch (err) {
    return (err as { code: number }).code;
  }
  return 'no error';
}

const base = { configJson: JSON.stringify({ method: 'fop-fine-tune' }), datasetVersionIds: ['dv1'], checkpointId: '' };

describe('classifier run config', () => {
  it('fills the defaults of the paper setup and takes dataset and checkpoint from the request', () => {
    const config = parseConfig({ ...base, checkpointId: 'ck1' });
    expect(config).toMatchObject({
      datasetVersionId: 'dv1',
      pretrainedCheckpointId: 'ck1',
      protocol: { kind: 'speaker-holdout' },
      repeats: 1,
      batchSize: 32,
      cropFrames: 300,
      validationFraction: 0.1,
      classWeights: 'none',
    });
    expect(parseConfig(base)).not.toHaveProperty('pretrainedCheckpointId'); // "None": random initialisation
  });

  it('refuses unknown keys, wrong types, a second dataset and a conflict with config_json', () => {
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', epoch: 3 }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', classWeights: 'inverse' }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'svm' }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', protocol: { kind: 'speaker-holdout', nTest: 1 } }) }))).toBe(
      3,
    );
    expect(code(() => parseConfig({ ...base, datasetVersionIds: ['dv1', 'dv2'] }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', datasetVersionId: 'other' }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: '[1]' }))).toBe(3);
    expect(code(() => parseConfig({ ...base, datasetVersionIds: [] }))).toBe(3); // no dataset anywhere
  });

  describe('fop-hypercolumns', () => {
    const hyper = (extra: object = {}) => ({
      ...base,
      checkpointId: 'ck1',
      configJson: JSON.stringify({ method: 'fop-hypercolumns', representation: 'concat', classifier: 'svm', ...extra }),
    });

    it('keeps the names the experiment CLI uses and fills the same evaluation defaults as fine-tuning', () => {
      const config = parseConfig(hyper());
      expect(config).toMatchObject({
        method: 'fop-hypercolumns',
        datasetVersionId: 'dv1',
        pretrainedCheckpointId: 'ck1',
        representation: 'concat',
        classifier: 'svm',
        protocol: { kind: 'speaker-holdout' },
        repeats: 1,
        seed: 1,
        classWeights: 'none',
        validationFraction: 0.1,
        svm: { kernel: 'rbf', C: 1 },
        randomForest: { nEstimators: 100, maxFeatures: 'sqrt', minSamplesLeaf: 1 },
        attentionLstm: { units: 128, epochs: 50, batchSize: 32, learningRate: 1e-3, patience: 5, maxFrames: 500 },
      });
      for (const representation of ['F', 'h1', 'h2', 'add', 'concat']) {
        for (const classifier of ['svm', 'random-forest', 'attention-lstm'])
          expect(parseConfig(hyper({ representation, classifier }))).toMatchObject({ representation, classifier });
      }
      const tuned = parseConfig(
        hyper({ classifier: 'random-forest', randomForest: { nEstimators: 20, maxDepth: 8, maxFeatures: 0.1 }, attentionLstm: { units: 16 } }),
      );
      expect(tuned).toMatchObject({ randomForest: { nEstimators: 20, maxDepth: 8, maxFeatures: 0.1 }, attentionLstm: { units: 16, epochs: 50 } });
    });

    it('requires a checkpoint, a representation and a classifier, and refuses fine-tuning keys and unknown keys', () => {
      expect(code(() => parseConfig({ ...hyper(), checkpointId: '' }))).toBe(3);
      expect(code(() => parseConfig({ ...hyper(), configJson: JSON.stringify({ method: 'fop-hypercolumns', classifier: 'svm' }) }))).toBe(3);
      expect(code(() => parseConfig({ ...hyper(), configJson: JSON.stringify({ method: 'fop-hypercolumns', representation: 'F' }) }))).toBe(3);
      expect(code(() => parseConfig(hyper({ representation: 'h3' })))).toBe(3);
      expect(code(() => parseConfig(hyper({ classifier: 'knn' })))).toBe(3);
      expect(code(() => parseConfig(hyper({ epochs: 3 })))).toBe(3); // a fine-tuning key: the LSTM's is attentionLstm.epochs
      expect(code(() => parseConfig(hyper({ model: { dModel: 16 } })))).toBe(3);
      expect(code(() => parseConfig(hyper({ svm: { kernel: 'poly' } })))).toBe(3);
      expect(code(() => parseConfig(hyper({ randomForest: { trees: 3 } })))).toBe(3);
      expect(code(() => parseConfig(hyper({ attentionLstm: { units: 0 } })))).toBe(3);
    });

    it('runs representation F (the log-mel frames: the baseline) without a checkpoint, and no other representation', () => {
      const baseline = parseConfig({ ...hyper({ representation: 'F', pooling: 'mean-std', svm: { search: {} } }), checkpointId: '' });
      expect(baseline).toMatchObject({ representation: 'F', pooling: 'mean-std' });
      expect(baseline).not.toHaveProperty('pretrainedCheckpointId');
      for (const representation of ['h1', 'h2', 'add', 'concat']) {
        expect(() => parseConfig({ ...hyper({ representation }), checkpointId: '' })).toThrow(
          new RegExp(`representation ${representation} comes from a pre-trained FOP`),
        );
      }
    });

    it('pools by the mean unless asked, takes mean-std and an SVM search, and refuses them where they mean nothing', () => {
      expect(parseConfig(hyper())).toMatchObject({ pooling: 'mean' });
      expect(parseConfig(hyper({ pooling: 'mean-std', svm: { search: {} } }))).toMatchObject({
        pooling: 'mean-std',
        svm: { search: { C: [0.1, 1, 10, 100], gammaScale: [0.25, 0.5, 1, 2], folds: 5 } },
      });
      expect(code(() => parseConfig(hyper({ pooling: 'max' })))).toBe(3);
      expect(code(() => parseConfig(hyper({ classifier: 'attention-lstm', pooling: 'mean-std' })))).toBe(3);
      expect(code(() => parseConfig(hyper({ classifier: 'random-forest', svm: { search: {} } })))).toBe(3);
      expect(code(() => parseConfig(hyper({ svm: { search: { C: [] } } })))).toBe(3);
    });

    it('normalises per corpus or speaker only when asked, for the SVM and forest, and names a bad value', () => {
      expect(parseConfig(hyper())).not.toHaveProperty('normalize'); // absent: the resolved config is as before
      for (const normalize of ['none', 'per-corpus', 'per-speaker'])
        expect(parseConfig(hyper({ classifier: 'random-forest', normalize }))).toMatchObject({ normalize });
      expect(() => parseConfig(hyper({ normalize: 'per-utterance' }))).toThrow(
        /normalize: Invalid option: expected one of "none"\|"per-corpus"\|"per-speaker"/,
      );
      expect(() => parseConfig(hyper({ classifier: 'attention-lstm', normalize: 'per-corpus' }))).toThrow(
        /normalize 'per-corpus' applies to svm and random-forest only/,
      );
      expect(code(() => parseConfig(hyper({ classifier: 'attention-lstm', normalize: 'none' })))).toBe('no error');
      expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', normalize: 'per-corpus' }) }))).toBe(3);
    });
  });

  describe('sequence-model', () => {
    const sequence = (model: object, features = 'deep') => ({
      ...base,
      checkpointId: features === 'fusion' ? 'vq1' : '',
      configJson: JSON.stringify({ method: 'sequence-model', sequenceModel: 'tacn', features, model }),
    });

    it('refuses a TACN whose attention heads do not divide its widths when the config is resolved (INVALID_ARGUMENT naming the key)', () => {
      expect(parseConfig(sequence({ representationUnits: 8, channels: 8, numHeads: 4 }))).toMatchObject({ model: { numHeads: 4 } });
      for (const [model, features, key] of [
        [{ representationUnits: 8, channels: 12, numHeads: 8 }, 'deep', 'channels'],
        [{ representationUnits: 12, channels: 8, numHeads: 8 }, 'deep', 'representationUnits'],
        [{ fusionUnits: 6, channels: 8, numHeads: 4 }, 'fusion', 'fusionUnits'],
        [{ numHeads: 7 }, 'deep', 'representationUnits'], // against the defaults' widths (128 and 64)
      ] as const) {
        expect(code(() => parseConfig(sequence(model, features)))).toBe(3);
        expect(() => parseConfig(sequence(model, features))).toThrow(new RegExp(`TACN attention needs ${key} \\(\\d+\\) divisible by numHeads`));
      }
      // A TCN has no attention: its heads are not checked.
      const tcn = {
        ...sequence({ channels: 12, numHeads: 8 }),
        configJson: JSON.stringify({ method: 'sequence-model', sequenceModel: 'tcn', features: 'deep', model: { channels: 12, numHeads: 8 } }),
      };
      expect(parseConfig(tcn)).toMatchObject({ sequenceModel: 'tcn' });
    });
  });
});
