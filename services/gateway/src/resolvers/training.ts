// trainRecipe and its job: the training recipe (`ser train`) through the API. The request is checked here (role,
// fields, datasets) before anything starts, so a bad input is BAD_USER_INPUT and no run is created.
import { GraphQLError } from '../graphql-runtime';
import { planTrainingRecipe, RecipeRequestError, type TrainingRecipeRequest } from '@ser/experiments';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { findVersion } from '../model-registry-reads';
import type { TrainingJob, TrainingJobs, TrainingJobStep } from '../training-jobs';
import { fromEnum, toEnum } from './enums';
import { globalIdOf, storeId } from './global-ids';

interface TrainRecipeInput {
  dataset: string;
  modelName?: string | null;
  pretrainAlso?: string[] | null;
  protocol?: string | null;
  testSpeakers?: string[] | null;
  folds?: number | null;
  repeats?: number | null;
  modelSize?: string | null;
  pretrainEpochs?: number | null;
  seed?: number | null;
  recipe?: unknown;
  smoke?: boolean | null;
}

const notFound = (message: string) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });

/** BAD_USER_INPUT naming the input field at fault, as the services' INVALID_ARGUMENT details do. */
const badField = (field: string, description: string) =>
  new GraphQLError(description, { extensions: { code: 'BAD_USER_INPUT', fieldViolations: [{ field: `input.${field}`, description }] } });

function jobsOf(ctx: GatewayContext): TrainingJobs {
  if (!ctx.trainingJobs) throw new GraphQLError('this gateway runs no training recipes', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return ctx.trainingJobs;
}

/** The GraphQL input in the recipe's own terms (enums spelled as the platform spells them, nulls dropped). */
function recipeRequest(input: TrainRecipeInput): TrainingRecipeRequest {
  const request: TrainingRecipeRequest = {
    dataset: input.dataset,
    modelName: input.modelName ?? undefined,
    pretrainAlso: input.pretrainAlso ?? undefined,
    protocol: input.protocol ? fromEnum(input.protocol) : undefined,
    testSpeakers: input.testSpeakers ?? undefined,
    folds: input.folds ?? undefined,
    repeats: input.repeats ?? undefined,
    modelSize: input.modelSize ? fromEnum(input.modelSize) : undefined,
    pretrainEpochs: input.pretrainEpochs ?? undefined,
    seed: input.seed ?? undefined,
    recipe: input.recipe ?? undefined,
    smoke: input.smoke ?? undefined,
  };
  for (const key of ['folds', 'repeats', 'pretrainEpochs'] as const) {
    if (request[key] !== undefined && request[key]! < 1) throw badField(key, `${key} must be a positive integer, got ${request[key]}`);
  }
  return request;
}

export const trainingQueries = {
  trainingJob: (_: unknown, args: { id: string }, ctx: GatewayContext) => jobsOf(ctx).get(storeId('TrainingJob', args.id)) ?? null,
};

export const trainingMutations = {
  async trainRecipe(_: unknown, { input }: { input: TrainRecipeInput }, ctx: GatewayContext) {
    const principal = requireRole(ctx, 'operator', 'trainRecipe');
    const jobs = jobsOf(ctx);
    let planned;
    try {
      planned = planTrainingRecipe(recipeRequest(input));
    } catch (err) {
      if (err instanceof RecipeRequestError) throw badField(err.field, err.message);
      throw err;
    }
    // Every dataset must be registered now: otherwise the job would fail after it was accepted.
    for (const name of [planned.plan.dataset, ...planned.recipe.pretrainAlso]) {
      if (!(await ctx.store.datasets.latestVersion(name))) throw notFound(`dataset '${name}' not found: import it first (ser corpus import --name ${name})`);
    }
    return jobs.start(planned, `graphql trainRecipe by ${principal.name}: ${JSON.stringify(input)}`);
  },
};

export const TrainingJobResolvers = {
  id: globalIdOf<TrainingJob>('TrainingJob', (j) => j.id),
  status: (j: TrainingJob) => toEnum(j.status),
  // Through the model registry, which owns the versions (as every other model read of the gateway).
  modelVersion: (j: TrainingJob, _: unknown, ctx: GatewayContext) => (j.model ? findVersion(ctx.clients.modelRegistry, j.model.name, j.model.version) : null),
};

export const TrainingJobStepResolvers = {
  // Read afresh, not through the loaders: a subscription's context lives as long as its connection, and a cached
  // run would keep the status it had at the first update.
  run: (s: TrainingJobStep, _: unknown, ctx: GatewayContext) => (s.runId ? ctx.store.runs.get(s.runId) : null),
};

export const trainingSubscriptions = {
  trainingJobProgress: {
    subscribe: (_: unknown, args: { jobId: string }, ctx: GatewayContext) => {
      const jobs = jobsOf(ctx);
      const id = storeId('TrainingJob', args.jobId);
      if (!jobs.get(id)) throw notFound(`training job ${args.jobId} not found`);
      return jobs.watch(id);
    },
    resolve: (payload: unknown) => payload,
  },
};
