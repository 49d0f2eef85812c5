import { describe, expect, it } from 'vitest';
import { selectItems } from './items';
import { makeFolds } from './protocols';
import { syntheticCorpus } from './test-corpus';
import { carveValidation } from './validation';

const corpus = syntheticCorpus(10, 10);
const [fold] = makeFolds(corpus, { kind: 'speaker-holdout' }, 1);
const train = selectItems(corpus, fold!.train); // 8 speakers x 10 items

describe('carveValidation', () => {
  it('bySpeaker: whole training speakers move to validation, none from the test set', () => {
    const { train: rest, validation } = carveValidation(train, { fraction: 0.2, seed: 3, bySpeaker: true });
    const validationSpeakers = new Set(validation.map((item) => item.speaker));
    for (const item of rest) expect(validationSpeakers.has(item.speaker)).toBe(false);
    expect(validation.length).toBe(20); // two speakers of 10 items reach 20% of 80
    const testIds = new Set(fold!.test);
    for (const item of validation) expect(testIds.has(item.utteranceId)).toBe(false);
    expect(rest.length + validation.length).toBe(train.length);
  });

  it('bySpeaker keeps at least one speaker for training and needs two', () => {
    const twoSpeakers = train.filter((item) => item.speaker === 'spk03' || item.speaker === 'spk04');
    const { train: rest } = carveValidation(twoSpeakers, { fraction: 0.9, seed: 1, bySpeaker: true });
    expect(new Set(rest.map((item) => item.speaker)).size).toBe(1);
    expect(() => carveValidation(twoSpeakers.slice(0, 10), { seed: 1, bySpeaker: true })).toThrow(/2\+ training speakers/);
  });

  it('is deterministic under a seed', () => {
    const a = carveValidation(train, { seed: 5, bySpeaker: true }).validation.map((i) => i.utteranceId);
    const b = carveValidation(train, { seed: 5, bySpeaker: true }).validation.map((i) => i.utteranceId);
    expect(b).toEqual(a);
    const seen = new Set<string>();
    for (let seed = 0; seed < 10; seed++) {
      seen.add(carveValidation(train, { seed, bySpeaker: true }).validation[0]!.speaker);
    }
    expect(seen.size).toBeGreaterThan(1); // the seed really picks the speakers
  });

  it('without bySpeaker: stratified by label, default 10%', () => {
    const { validation } = carveValidation(train, { seed: 2, bySpeaker: false });
    const counts: Record<string, number> = {};
    for (const item of validation) counts[item.label] = (counts[item.label] ?? 0) + 1;
    expect(counts).toEqual({ angry: 2, happy: 2, neutral: 2, sad: 2 }); // 20 per label -> 2
  });
});
