import { describe, expect, it } from 'vitest';
import { planTrainingRecipe, RecipeRequestError } from './recipe-request';

// `ser train` and the trainRecipe mutation both go through planTrainingRecipe: the same defaults, the same refusals.
describe('a training-recipe request', () => {
  it('plans one pre-training, the registered recipe run and the baseline, one repeat by default', () => {
    const { plan, modelName, recipe } = planTrainingRecipe({ dataset: 'ravdess4', pretrainAlso: ['librispeech'], smoke: true });
    expect(modelName).toBe('ravdess4-emotion');
    expect(recipe.pretrainAlso).toEqual(['librispeech']);
    expect(plan.pretraining.map((p) => p.datasetName)).toEqual(['librispeech+ravdess4']);
    expect(plan.classifierRuns.map((c) => [c.row, c.modelName])).toEqual([
      ['recipe', 'ravdess4-emotion'],
      ['baseline', undefined],
    ]);
    expect(plan.repeats).toBe(1);
    expect(plan.protocol).toEqual({ kind: 'speaker-holdout' });
  });

  it('weighs the recipe and the baseline alike when asked to, so the comparison stays fair', () => {
    const { plan } = planTrainingRecipe({ dataset: 'ravdess4', classWeights: 'balanced', smoke: true });
    expect(plan.classifierRuns.map((c) => [c.row, c.config.classWeights])).toEqual([
      ['recipe', 'balanced'],
      ['baseline', 'balanced'],
    ]);
  });

  it('normalises the recipe and the baseline alike when asked to, and leaves both configs as before when not', () => {
    const crossCorpus = { dataset: 'urdu', protocol: 'cross-corpus', testDatasets: ['ravdess4'], smoke: true };
    const { plan } = planTrainingRecipe({ ...crossCorpus, normalize: 'per-corpus' });
    expect(plan.classifierRuns.map((c) => [c.row, c.config.normalize])).toEqual([
      ['recipe', 'per-corpus'],
      ['baseline', 'per-corpus'],
    ]);
    // 'none' plans exactly what no option plans, so earlier results' cells still match --reuse.
    expect(planTrainingRecipe({ ...crossCorpus, normalize: 'none' }).plan).toEqual(planTrainingRecipe(crossCorpus).plan);
    expect(JSON.stringify(planTrainingRecipe(crossCorpus).plan)).not.toContain('normalize');
  });

  it.each([
    [{ dataset: 'x', normalize: 'per-utterance' }, 'normalize'],
    [{ dataset: ' ' }, 'dataset'],
    [{ dataset: 'x', modelName: 'two words' }, 'modelName'],
    [{ dataset: 'x', recipe: { learningRate: 3 } }, 'recipe'],
    [{ dataset: 'x', recipe: { baseline: 'yes' } }, 'recipe'],
    [{ dataset: 'x', pretrainAlso: [''] }, 'pretrainAlso'],
    [{ dataset: 'x', protocol: 'coin-flip' }, 'protocol'],
    [{ dataset: 'x', protocol: 'stratified-holdout', testSpeakers: ['a'] }, 'testSpeakers'],
    [{ dataset: 'x', protocol: 'speaker-holdout', folds: 3 }, 'folds'],
    [{ dataset: 'x', repeats: 0 }, 'repeats'],
    [{ dataset: 'x', modelSize: 'huge' }, 'modelSize'],
    [{ dataset: 'x', classWeights: 'inverse' }, 'classWeights'],
  ])('refuses %j, naming %s', (request, field) => {
    const error = (() => {
      try {
        planTrainingRecipe(request);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(RecipeRequestError);
    expect((error as RecipeRequestError).field).toBe(field);
  });
});
