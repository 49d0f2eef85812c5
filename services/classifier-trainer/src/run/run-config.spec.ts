import { describe, expect, it } from 'vitest';
import { parseConfig } from './run-manager';

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
      classWeights: 'balanced',
    });
    expect(parseConfig(base).pretrainedCheckpointId).toBeUndefined(); // "None": random initialisation
  });

  it('refuses unknown keys, wrong types, a second dataset and a conflict with config_json', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as { code: number }).code;
      }
      return 'no error';
    };
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', epoch: 3 }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', classWeights: 'inverse' }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'svm' }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', protocol: { kind: 'speaker-holdout', nTest: 1 } }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, datasetVersionIds: ['dv1', 'dv2'] }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: JSON.stringify({ method: 'fop-fine-tune', datasetVersionId: 'other' }) }))).toBe(3);
    expect(code(() => parseConfig({ ...base, configJson: '[1]' }))).toBe(3);
    expect(code(() => parseConfig({ ...base, datasetVersionIds: [] }))).toBe(3); // no dataset anywhere
  });
});
