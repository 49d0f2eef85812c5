import { GraphQLError } from '../graphql-runtime';
import { TOPICS } from '@ser/events';
import type { Run } from '@ser/store';
import type { GatewayContext } from '../context';
import { isTopic, type EventHub, type HubEvent } from '../event-hub';
import { toEnum } from './enums';
import { storeId, toGlobalId } from './global-ids';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

function hubOf(ctx: GatewayContext): EventHub {
  if (!ctx.hub)
    throw new GraphQLError('subscriptions need the event bus, which this gateway was started without', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return ctx.hub;
}

const snapshot = (r: Run) => ({
  runId: toGlobalId('Run', r.id),
  kind: toEnum(r.kind),
  status: toEnum(r.status),
  progress: r.progress,
  message: null,
  metrics: r.metrics,
});

/**
 * A run's state now, then each run.status event for it (every trainer publishes them, so one source covers all
 * kinds), ending after a final status. Listening starts before the snapshot is read, so no change falls between.
 */
async function* runProgress(ctx: GatewayContext, runId: string) {
  const events = hubOf(ctx).listen((e): e is Extract<HubEvent, { topic: typeof TOPICS.runStatus }> => isTopic(TOPICS.runStatus)(e) && e.data.runId === runId);
  try {
    const run = await ctx.store.runs.get(runId);
    if (!run) throw new GraphQLError(`run ${runId} not found`, { extensions: { code: 'NOT_FOUND' } });
    yield snapshot(run);
    if (TERMINAL.has(run.status)) return;
    for await (const { data } of events) {
      yield {
        runId: toGlobalId('Run', runId),
        kind: toEnum(data.runKind),
        status: toEnum(data.status),
        progress: data.progress,
        message: data.message ?? null,
        metrics: data.metrics ?? null,
      };
      if (TERMINAL.has(data.status)) return;
    }
  } finally {
    await events.return?.();
  }
}

type IngestionHubEvent = Extract<HubEvent, { topic: typeof TOPICS.corpusPublished | typeof TOPICS.featuresReady }>;

async function* ingestionProgress(ctx: GatewayContext, corpusName: string | null | undefined) {
  const isIngestion = (e: HubEvent): e is IngestionHubEvent =>
    (e.topic === TOPICS.corpusPublished || e.topic === TOPICS.featuresReady) && (!corpusName || e.data.corpusName === corpusName);
  for await (const e of hubOf(ctx).listen(isIngestion)) {
    if (e.topic === TOPICS.corpusPublished)
      yield { corpusName: e.data.corpusName, stage: 'PUBLISHED', datasetVersion: null, utteranceCount: null, skippedCount: null };
    else
      yield {
        corpusName: e.data.corpusName,
        stage: 'READY',
        datasetVersion: await ctx.loaders.datasetVersion.load(e.data.datasetId),
        utteranceCount: e.data.utteranceCount,
        skippedCount: e.data.skippedCount,
      };
  }
}

async function* modelAliasMoved(ctx: GatewayContext, modelName: string | null | undefined) {
  const accept = (e: HubEvent): e is Extract<HubEvent, { topic: typeof TOPICS.modelAliasMoved }> =>
    isTopic(TOPICS.modelAliasMoved)(e) && (!modelName || e.data.modelName === modelName);
  for await (const { data } of hubOf(ctx).listen(accept)) yield { ...data, previousVersion: data.previousVersion ?? null };
}

// Each field's value is what its generator yields (resolve passes it through). Checks run before the stream is
// returned, so a refusal reaches the client as a GraphQL error rather than a broken stream.
const field = <A>(subscribe: (ctx: GatewayContext, args: A) => Promise<AsyncGenerator<unknown>> | AsyncGenerator<unknown>) => ({
  subscribe: (_: unknown, args: A, ctx: GatewayContext) => {
    hubOf(ctx);
    return subscribe(ctx, args);
  },
  resolve: (payload: unknown) => payload,
});

export const Subscription = {
  runProgress: field<{ runId: string }>(async (ctx, a) => {
    const runId = storeId('Run', a.runId);
    if (!(await ctx.loaders.run.load(runId))) throw new GraphQLError(`run ${a.runId} not found`, { extensions: { code: 'NOT_FOUND' } });
    return runProgress(ctx, runId);
  }),
  ingestionProgress: field<{ corpusName?: string | null }>((ctx, a) => ingestionProgress(ctx, a.corpusName)),
  modelAliasMoved: field<{ modelName?: string | null }>((ctx, a) => modelAliasMoved(ctx, a.modelName)),
};
