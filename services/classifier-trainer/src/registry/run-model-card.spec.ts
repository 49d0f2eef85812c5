import type { KeptModel } from '@ser/model-artifacts';
import { describe, expect, it } from 'vitest';
import type { RunEvaluation } from '../run/evaluation';
import { derivedLimits } from './run-model-card';

// What a model card says its scores mean must follow the protocol: held-out speakers of one corpus, or another corpus.
describe("a model card's derived limits", () => {
  const model = { kind: 'fop-hypercolumn-classical', classes: ['angry', 'sad'] } as unknown as KeptModel;
  const fold = { testSpeakers: ['Actor_01', 'Actor_02'], report: { perClassRecall: { angry: 0.9, sad: 0.8 } } } as unknown as RunEvaluation['folds'][number];
  const limits = (protocol: RunEvaluation['protocol']) => derivedLimits(model, { protocol } as RunEvaluation, fold);

  it('says a cross-corpus score comes from another corpus, a speaker-independent one from held-out speakers of one', () => {
    expect(limits({ kind: 'cross-corpus', testDatasets: ['dv2'] })[1]).toBe(
      'Its scores come from 2 speaker(s) of another corpus than the one it trained on (cross-corpus); languages, microphones and real-world noise beyond those corpora are unmeasured.',
    );
    expect(limits({ kind: 'leave-one-speaker-out' })[1]).toMatch(/^Its scores come from 2 held-out speaker\(s\) of one dataset/);
  });
});
