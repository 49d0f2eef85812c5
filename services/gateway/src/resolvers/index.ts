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

/** Every resolver, by schema type; split by domain in the files beside this one. */
export const resolvers = {
  Query: { ...nodeQuery, ...healthQuery, ...datasetQueries, ...runQueries, ...modelQueries, ...predictionQueries, ...tokenQueries },
  Mutation: { ...runMutations, ...modelMutations, ...predictionMutations, ...tokenMutations },
  Subscription: { ...Subscription, ...predictionTimelineSubscription },
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
} as unknown as ResolverMap;
