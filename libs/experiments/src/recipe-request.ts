// One way in to the training recipe for every caller: `ser train` (flags and a recipe file) and the gateway's
// trainRecipe mutation (an input object) hand the same request here, so both validate alike and plan the same runs.
import { buildTrainingRecipePlan, recipeConfigSchema, type RecipeConfig } from './recipe';
import type { ExperimentPlan } from './plan';
import { resolveSettings } from './settings';

export interface TrainingRecipeRequest {
  /** The labelled dataset (registered name) to train and evaluate on; cross-corpus: 'a+b' trains on both. */
  dataset: string;
  /** cross-corpus: the datasets tested on (their every utterance; none trained on). */
  testDatasets?: string[];
  /** Registered model name; default `<dataset>-emotion`. */
  modelName?: string;
  /** A recipe (a parsed recipe file or the mutation's `recipe` JSON); unknown keys are refused. Default: the recipe's defaults. */
  recipe?: unknown;
  /** Unlabelled datasets pre-trained on together with `dataset`; replaces the recipe's `pretrainAlso` when given. */
  pretrainAlso?: string[];
  protocol?: string;
  testSpeakers?: string[];
  folds?: number;
  /** Default 1: one registered model, its evaluation over one repetition (tables ask for more). */
  repeats?: number;
  modelSize?: string;
  pretrainEpochs?: number;
  seed?: number;
  /** 'balanced' weighs the recipe's and the baseline's training by inverse class frequency; default 'none' (the papers). */
  classWeights?: string;
  /** 'per-corpus' | 'per-speaker' normalises the recipe's and the baseline's pooled features alike; default 'none'. */
  normalize?: string;
  /** Tiny models and two epochs: for tests and a first try. */
  smoke?: boolean;
}

/** A request the recipe cannot run; `field` names the request field at fault (a form shows it beside that field). */
export class RecipeRequestError extends RangeError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'RecipeRequestError';
  }
}

export interface PlannedRecipe {
  plan: ExperimentPlan;
  recipe: RecipeConfig;
  modelName: string;
}

/** The recipe's plan for a request, or a RecipeRequestError saying which field is wrong and why. */
export function planTrainingRecipe(request: TrainingRecipeRequest): PlannedRecipe {
  const [dataset, ...trainAlso] = (request.dataset ?? '').split('+').map((s) => s.trim());
  if (!dataset || trainAlso.some((s) => !s)) throw new RecipeRequestError('the recipe needs a labelled dataset', 'dataset');
  const parsed = recipeConfigSchema.safeParse(request.recipe ?? {});
  if (!parsed.success)
    throw new RecipeRequestError(`recipe: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, 'recipe');
  const recipe = parsed.data;
  if (request.pretrainAlso) recipe.pretrainAlso = request.pretrainAlso.map((s) => s.trim());
  if (recipe.pretrainAlso.some((name) => name === '')) throw new RecipeRequestError('pretrainAlso names an empty dataset', 'pretrainAlso');
  const modelName = request.modelName ?? `${[dataset, ...trainAlso].join('-')}-emotion`;
  let settings;
  try {
    settings = resolveSettings({
      protocol: request.protocol,
      dataset,
      trainAlso,
      testDatasets: request.testDatasets,
      testSpeakers: request.testSpeakers,
      folds: request.folds,
      repeats: request.repeats ?? 1,
      modelSize: request.modelSize,
      pretrainEpochs: request.pretrainEpochs,
      seed: request.seed,
      classWeights: request.classWeights,
      normalize: request.normalize,
      smoke: request.smoke,
    });
  } catch (err) {
    throw new RecipeRequestError((err as Error).message, settingsField((err as Error).message));
  }
  try {
    return { plan: buildTrainingRecipePlan({ dataset, modelName, recipe, settings }), recipe, modelName };
  } catch (err) {
    throw new RecipeRequestError((err as Error).message, /model name/.test((err as Error).message) ? 'modelName' : 'recipe');
  }
}

/** Which request field a resolveSettings refusal is about (its messages name the setting first). */
function settingsField(message: string): string {
  if (message.includes('--test-dataset')) return 'testDatasets';
  if (message.includes("several ('a+b')")) return 'dataset';
  const fields = ['protocol', 'folds', 'test speakers', 'repeats', 'model size', 'pretrainEpochs', 'seed', 'class weights', 'normalize'];
  const found = fields.find((f) => message.startsWith(f) || message.includes(`--${f}`));
  const camel: Record<string, string> = { 'test speakers': 'testSpeakers', 'model size': 'modelSize', 'class weights': 'classWeights' };
  return found ? (camel[found] ?? found) : 'input';
}
