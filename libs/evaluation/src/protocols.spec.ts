import { describe, expect, it } from 'vitest';
import { selectItems } from './items';
import { isSpeakerIndependent, makeFolds, parseEvaluationProtocol, type EvaluationProtocol, type Fold } from './protocols';
import { syntheticCorpus } from './test-corpus';

const corpus = syntheticCorpus();
const speakersOf = (ids: string[]) => new Set(selectItems(corpus, ids).map((item) => item.speaker));

function expectPartition(fold: Fold) {
  const all = [...fold.train, ...fold.test];
  expect(new Set(all).size).toBe(all.length); // no id on both sides
  expect(new Set(all)).toEqual(new Set(corpus.map((item) => item.utteranceId)));
}

describe('makeFolds: speaker-independent protocols', () => {
  const protocols: EvaluationProtocol[] = [
    { kind: 'speaker-holdout' },
    { kind: 'leave-one-session-out' },
    { kind: 'leave-one-speaker-out' },
    { kind: 'leave-speakers-out', folds: 3 },
  ];
  it.each(protocols)('$kind: no test speaker is ever a training speaker', (protocol) => {
    expect(isSpeakerIndependent(protocol)).toBe(true);
    for (const fold of makeFolds(corpus, protocol, 1)) {
      const train = speakersOf(fold.train);
      for (const speaker of speakersOf(fold.test)) expect(train.has(speaker)).toBe(false);
      expect(fold.speakerIndependent).toBe(true);
      expectPartition(fold);
    }
  });

  it('speaker-holdout tests on the first two sorted speakers by default', () => {
    const shuffledCorpus = [...corpus].reverse();
    const [fold] = makeFolds(shuffledCorpus, { kind: 'speaker-holdout' }, 1);
    expect(fold!.name).toBe('speaker-holdout[spk01,spk02]');
    expect(speakersOf(fold!.test)).toEqual(new Set(['spk01', 'spk02']));
    expect(fold!.test).toHaveLength(16);
  });

  it('speaker-holdout follows a given order or an explicit test list', () => {
    const [ordered] = makeFolds(corpus, { kind: 'speaker-holdout', speakerOrder: ['spk07', 'spk03', 'spk01'] }, 1);
    expect(speakersOf(ordered!.test)).toEqual(new Set(['spk07', 'spk03']));
    const [explicit] = makeFolds(corpus, { kind: 'speaker-holdout', testSpeakers: ['spk10'] }, 1);
    expect(speakersOf(explicit!.test)).toEqual(new Set(['spk10']));
    expect(() => makeFolds(corpus, { kind: 'speaker-holdout', testSpeakers: ['nobody'] }, 1)).toThrow(/nobody/);
  });

  it('leave-one-session-out has one fold per session and tests every item exactly once', () => {
    const folds = makeFolds(corpus, { kind: 'leave-one-session-out' }, 1);
    expect(folds.map((f) => f.name)).toEqual(['session-Ses01', 'session-Ses02', 'session-Ses03', 'session-Ses04', 'session-Ses05']);
    const tested = folds.flatMap((f) => f.test);
    expect(tested.sort()).toEqual(corpus.map((item) => item.utteranceId).sort());
  });

  it('leave-one-session-out refuses speakers spread over sessions unless allowed, then says so', () => {
    const leaky = corpus.map((item, i) => (item.speaker === 'spk01' && i % 2 === 0 ? { ...item, session: 'Ses02' } : item));
    expect(() => makeFolds(leaky, { kind: 'leave-one-session-out' }, 1)).toThrow(/spk01/);
    const folds = makeFolds(leaky, { kind: 'leave-one-session-out', allowSpeakersAcrossSessions: true }, 1);
    expect(folds.find((f) => f.name === 'session-Ses01')!.speakerIndependent).toBe(false);
  });

  it('leave-one-speaker-out has one fold per speaker', () => {
    const folds = makeFolds(corpus, { kind: 'leave-one-speaker-out' }, 1);
    expect(folds).toHaveLength(10);
    for (const fold of folds) expect(speakersOf(fold.test).size).toBe(1);
  });

  it('leave-speakers-out tests every speaker exactly once, in consecutive groups or the groups given', () => {
    const speakers = [...new Set(corpus.map((item) => item.speaker))].sort();
    const folds = makeFolds(corpus, { kind: 'leave-speakers-out', folds: 3 }, 1);
    expect(folds.map((f) => [...speakersOf(f.test)].sort())).toEqual([speakers.slice(0, 3), speakers.slice(3, 7), speakers.slice(7)]);
    const groups = [speakers.slice(5), speakers.slice(0, 5)];
    expect(makeFolds(corpus, { kind: 'leave-speakers-out', groups }, 1).map((f) => [...speakersOf(f.test)].sort())).toEqual(groups);
    expect(() => makeFolds(corpus, { kind: 'leave-speakers-out', groups: [speakers.slice(1), speakers.slice(0, 2)] }, 1)).toThrow(/in two groups/);
    expect(() => makeFolds(corpus, { kind: 'leave-speakers-out', groups: [speakers.slice(2, 5), speakers.slice(5)] }, 1)).toThrow(/never tested/);
    expect(() => parseEvaluationProtocol({ kind: 'leave-speakers-out' })).toThrow(/either folds or groups/);
  });
});

describe('makeFolds: stratified-holdout', () => {
  const labelCounts = (ids: string[]) =>
    selectItems(corpus, ids).reduce<Record<string, number>>((acc, item) => ({ ...acc, [item.label]: (acc[item.label] ?? 0) + 1 }), {});

  it('holds out 20% of every label', () => {
    const [fold] = makeFolds(corpus, { kind: 'stratified-holdout' }, 7);
    expectPartition(fold!);
    expect(labelCounts(fold!.test)).toEqual({ angry: 4, happy: 4, neutral: 4, sad: 4 }); // 20 per label -> 4
    expect(isSpeakerIndependent({ kind: 'stratified-holdout' })).toBe(false);
  });

  it('is deterministic under a seed, independent of input order, and changes with the seed', () => {
    const a = makeFolds(corpus, { kind: 'stratified-holdout', testFraction: 0.3 }, 7)[0]!;
    const b = makeFolds([...corpus].reverse(), { kind: 'stratified-holdout', testFraction: 0.3 }, 7)[0]!;
    const c = makeFolds(corpus, { kind: 'stratified-holdout', testFraction: 0.3 }, 8)[0]!;
    expect(new Set(b.test)).toEqual(new Set(a.test));
    expect(new Set(c.test)).not.toEqual(new Set(a.test));
  });
});

describe('protocol config', () => {
  it('round-trips through JSON and rejects unknown keys or kinds', () => {
    const protocol: EvaluationProtocol = { kind: 'speaker-holdout', testSpeakers: ['spk03', 'spk04'] };
    expect(parseEvaluationProtocol(JSON.parse(JSON.stringify(protocol)))).toEqual(protocol);
    expect(() => parseEvaluationProtocol({ kind: 'speaker-holdout', testSpeaker: ['x'] })).toThrow();
    expect(() => parseEvaluationProtocol({ kind: 'k-fold' })).toThrow();
  });

  it('refuses duplicate utterance ids', () => {
    expect(() => makeFolds([...corpus, corpus[0]!], { kind: 'leave-one-speaker-out' }, 1)).toThrow(/duplicate/);
  });
});
