import type { ResolverMap } from '../executable-schema';
import { datasetQueries, DatasetResolvers, DatasetVersionResolvers } from './datasets';
import { healthQuery } from './health';
import { nodeQuery, NodeInterface } from './node';
import { Model, modelMutations, modelQueries, ModelVersionResolvers } from './models';
import { predictionTimelineSubscription } from './prediction-timeline';
import { predictionMutations, predictionQueries, PredictionResolvers } from './predictions';
import { RunLineage, runMutations, runQueries, RunResolvers } from './runs';
import { DateTimeScalar, JSONScalar, UploadScalar } from './scalars';
import { Subscription } from './subscriptions';
import { ApiTokenResolvers, tokenMutations, tokenQueries } from './tokens';
import { trainingMutations, trainingQueries, trainingSubscriptions, TrainingJobResolvers, TrainingJobStepResolvers } from './training';

/** Every resolver, by schema type; split by domain in the files beside this one. */
export const resolvers = {
  Query: { ...nodeQuery, ...healthQuery, ...datasetQueries, ...runQueries, ...modelQueries, ...predictionQueries, ...tokenQueries, ...trainingQueries },
  Mutation: { ...runMutations, ...modelMutations, ...predictionMutations, ...tokenMutations, ...trainingMutations },
  Subscription: { ...Subscription, ...trainingSubscriptions, ...predictionTimelineSubscription },
  Node: NodeInterface,
  JSON: JSONScalar,
  DateTime: DateTimeScalar,
  Upload: UploadScalar,
  Dataset: DatasetResolvers,
  DatasetVersion: DatasetVersionResolvers,
  Run: RunResolvers,
  RunLineage,
  Model,
  ModelVersion: ModelVersionResolvers,
  Prediction: PredictionResolvers,
  ApiToken: ApiTokenResolvers,
  TrainingJob: TrainingJobResolvers,
  TrainingJobStep: TrainingJobStepResolvers,
} as unknown as ResolverMap;
