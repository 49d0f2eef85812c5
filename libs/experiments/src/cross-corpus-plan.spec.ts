import { describe, expect, it } from 'vitest';
import { planTrainingRecipe, RecipeRequestError } from './recipe-request';

// The cross-corpus protocol as `ser train` / `ser experiment` plan it: datasets by name (the executor resolves
// versions), the training corpora pre-trained on, and every inconsistent request refused naming its field.
describe('a cross-corpus training-recipe request', () => {
  it("trains on every '+'-joined dataset, pre-trains on them, and tests on the test dataset only", () => {
    const { plan, modelName } = planTrainingRecipe({
      dataset: 'ravdess4+urdu',
      protocol: 'cross-corpus',
      testDatasets: ['emodb4'],
      pretrainAlso: ['librispeech'],
      smoke: true,
    });
    expect(plan.dataset).toBe('ravdess4');
    expect(plan.protocol).toEqual({ kind: 'cross-corpus', testDatasets: ['emodb4'], trainAlsoDatasets: ['urdu'] });
    expect(plan.pretraining.map((p) => p.datasetName)).toEqual(['librispeech+ravdess4+urdu']);
    expect(plan.classifierRuns.map((c) => c.config.protocol)).toEqual([plan.protocol, plan.protocol]); // the baseline too
    expect(plan.columns[0]!.label).toBe('Cross-corpus: tested on emodb4');
    expect(plan.title).toContain('ravdess4 + urdu');
    expect(modelName).toBe('ravdess4-urdu-emotion');
  });

  it('pre-trains on pretrainAlso alone when the recipe says so (to take over an earlier FOP)', () => {
    const recipe = { pretrainAlso: ['librispeech', 'urdu'], pretrainOnTrainingData: false };
    const { plan } = planTrainingRecipe({ dataset: 'ravdess4', protocol: 'cross-corpus', testDatasets: ['urdu'], recipe, smoke: true });
    expect(plan.pretraining.map((p) => p.datasetName)).toEqual(['librispeech+urdu']);
    expect(() => planTrainingRecipe({ dataset: 'x', recipe: { pretrainOnTrainingData: false } })).toThrow(/needs pretrainAlso/);
  });

  it.each([
    [{ dataset: 'x', protocol: 'cross-corpus' }, 'testDatasets', /needs --test-dataset/],
    [{ dataset: 'x', protocol: 'cross-corpus', testDatasets: [' '] }, 'testDatasets', /needs --test-dataset/],
    [{ dataset: 'x', protocol: 'cross-corpus', testDatasets: ['x'] }, 'testDatasets', /must differ from the dataset trained on/],
    [{ dataset: 'x+y', protocol: 'cross-corpus', testDatasets: ['y'] }, 'protocol', /twice/],
    [{ dataset: 'x', protocol: 'speaker-holdout', testDatasets: ['y'] }, 'testDatasets', /for the cross-corpus protocol/],
    [{ dataset: 'x+y', protocol: 'speaker-holdout' }, 'dataset', /trains on one dataset/],
    [{ dataset: 'x+', protocol: 'cross-corpus', testDatasets: ['y'] }, 'dataset', /labelled dataset/],
    [{ dataset: 'x', protocol: 'cross-corpus', testDatasets: ['y'], folds: 3 }, 'folds', /--folds/],
    [{ dataset: 'x', protocol: 'cross-corpus', testDatasets: ['y'], testSpeakers: ['a'] }, 'testSpeakers', /test speakers/],
  ])('refuses %j, naming %s', (request, field, message) => {
    const error = (() => {
      try {
        planTrainingRecipe(request);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(RecipeRequestError);
    expect((error as RecipeRequestError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });
});
