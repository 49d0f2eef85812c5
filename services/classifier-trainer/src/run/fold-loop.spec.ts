import { describe, expect, it } from 'vitest';
import type { EvaluationItem } from '@ser/evaluation';
import { carveFoldValidation, type FoldPlan, type ProtocolConfig } from './fold-loop';

const items: EvaluationItem[] = Array.from({ length: 60 }, (_, i) => ({
  utteranceId: `u${i}`,
  speaker: `s${i % 6}`,
  session: 's',
  label: ['angry', 'sad', 'happy'][i % 3]!,
}));
const plan: FoldPlan = { repeat: 0, fold: 0, totalFolds: 1, name: 'f', seed: 3, train: items, test: [], keepModel: false };
const config = (validationSplit: ProtocolConfig['validationSplit']): ProtocolConfig => ({
  method: 'sequence-model',
  datasetVersionId: 'dv',
  protocol: { kind: 'speaker-holdout' },
  repeats: 1,
  seed: 3,
  validationFraction: 0.2,
  validationSplit,
});
const speakers = (part: EvaluationItem[]) => new Set(part.map((i) => i.speaker));

describe('early stopping validation carved from a fold', () => {
  it("'speakers' moves whole speakers out of training", () => {
    const { train, validation } = carveFoldValidation(plan, config('speakers'));
    for (const s of speakers(validation)) expect(speakers(train).has(s)).toBe(false);
    expect(speakers(train).size).toBeLessThan(6);
  });

  it("'stratified' keeps every training speaker training and draws a per-class share", () => {
    const { train, validation } = carveFoldValidation(plan, config('stratified'));
    expect(speakers(train).size).toBe(6);
    expect(validation).toHaveLength(12);
    for (const label of ['angry', 'sad', 'happy']) expect(validation.filter((i) => i.label === label)).toHaveLength(4);
  });
});
