import { GraphQLError } from '../graphql-runtime';
import { callUnary, GrpcStatus, toGrpcError } from '@ser/grpc-kit';
import { outputCheckpointId } from '@ser/runs';
import type { JsonObject, Run, RunStatus } from '@ser/store';
import { RUN_KINDS, type RunKind } from '@ser/events';
import { requireRole } from '../auth/access';
import type { ClassifierEvaluation__Output, ConfusionMatrix__Output } from '@ser/contracts';
import type { GatewayContext } from '../context';
import { versionOfRun } from '../model-registry-reads';
import { queueRun, type QueueRunRequest } from '../run-queueing';
import { fromEnum, optionalEnum, toEnum } from './enums';
import { globalIdOf, storeId } from './global-ids';
import { badInput, connection, namedValues, type ConnectionArgs } from './paging';

const isRunKind = (kind: string): kind is RunKind => (RUN_KINDS as readonly string[]).includes(kind);
const notFound = (what: string) => new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });

async function getRun(ctx: GatewayContext, id: string): Promise<Run> {
  const run = await ctx.store.runs.get(id);
  if (!run) throw notFound(`run ${id}`);
  return run;
}

export const runQueries = {
  runs: (_: unknown, args: ConnectionArgs & { kind?: string | null; status?: string[] | null }, ctx: GatewayContext) =>
    connection(args, (page) =>
      ctx.store.runs.list({ kind: args.kind ? fromEnum(args.kind) : undefined, status: args.status?.map((s) => fromEnum(s) as RunStatus) }, page),
    ),
  run: (_: unknown, args: { id: string }, ctx: GatewayContext) => ctx.loaders.run.load(storeId('Run', args.id)),
};

interface StartInput {
  datasetVersionIds: string[];
  config?: JsonObject | null;
  checkpointId?: string | null;
  displayName?: string | null;
}

function startRequest(input: StartInput) {
  if (input.config != null && (typeof input.config !== 'object' || Array.isArray(input.config))) throw badInput('config must be a JSON object');
  return {
    configJson: JSON.stringify(input.config ?? {}),
    datasetVersionIds: input.datasetVersionIds.map((id) => storeId('DatasetVersion', id)),
    checkpointId: input.checkpointId ?? '',
    displayName: input.displayName ?? '',
  };
}

/** The input's `method` enum as `config.method`, the trainer's spelling; a config naming another method is refused. */
function withMethod(input: StartInput & { method?: string | null }): StartInput {
  const config = input.config;
  if (!input.method || (config != null && (typeof config !== 'object' || Array.isArray(config)))) return input;
  const method = fromEnum(input.method);
  if (config?.method != null && config.method !== method) throw badInput(`method ${input.method} and config.method ${JSON.stringify(config.method)} disagree`);
  return { ...input, config: { ...config, method } };
}

/** Queues the run (../run-queueing.ts) with no trainer call; a refusal maps to extensions.code as the RPC's did. */
async function queueOrRefuse(ctx: GatewayContext, kind: RunKind, request: QueueRunRequest): Promise<Run> {
  try {
    return await queueRun(ctx.store, kind, request);
  } catch (err) {
    throw toGrpcError(err); // INVALID_ARGUMENT / NOT_FOUND / FAILED_PRECONDITION, mapped by formatError
  }
}

/** What a trainer's cancel publishes (libs/runs/src/run-queries.ts), so subscriptions see the run end. */
async function announceCancel(ctx: GatewayContext, run: Run): Promise<void> {
  if (!ctx.hub || !isRunKind(run.kind)) return;
  await ctx.hub.publishRunStatus({ runId: run.id, runKind: run.kind, status: 'cancelled', progress: run.progress }).catch((err: Error) => {
    // The run is cancelled in the store either way; a watcher's next snapshot shows it.
    ctx.logger.warn({ err, runId: run.id }, 'announcing a cancelled queued run failed');
  });
}

export const runMutations = {
  async startPretrainRun(_: unknown, { input }: { input: StartInput & { kind: 'FOP' | 'VQVAE' } }, ctx: GatewayContext) {
    requireRole(ctx, 'operator', 'startPretrainRun');
    return queueOrRefuse(ctx, input.kind === 'FOP' ? 'fop-pretrain' : 'vqvae-pretrain', startRequest(input));
  },

  async startClassifierRun(_: unknown, { input }: { input: StartInput & { method?: string | null; modelName?: string | null } }, ctx: GatewayContext) {
    requireRole(ctx, 'operator', 'startClassifierRun');
    // The name its kept model registers under: the planner fills in the platform's default, as for the trainer's
    // StartClassifierRun; a gateway configured without one asks for it.
    if (!input.modelName && !ctx.defaultModelName) throw badInput('modelName is required: this gateway has no default model name (inference.defaultModelName)');
    return queueOrRefuse(ctx, 'classifier', {
      ...startRequest(withMethod(input)),
      modelName: input.modelName ?? undefined,
      defaultModelName: ctx.defaultModelName,
    });
  },

  async cancelRun(_: unknown, args: { id: string; reason?: string | null }, ctx: GatewayContext) {
    requireRole(ctx, 'operator', 'cancelRun');
    const run = await getRun(ctx, storeId('Run', args.id));
    // A queued run is withdrawn in the store: no trainer need be up. If a trainer claimed it meanwhile, the
    // conditional update loses and the run is cancelled through its trainer, as a running one is.
    if (run.status === 'queued') {
      const cancelled = await ctx.store.runs.cancelQueued(run.id);
      if (cancelled) {
        await announceCancel(ctx, cancelled);
        return cancelled;
      }
    }
    const req = { runId: run.id, reason: args.reason ?? `cancelled by ${ctx.principal!.name}` };
    if (run.kind === 'fop-pretrain') await callUnary(ctx.clients.fopPretrain, 'CancelFopPretrainRun', req);
    else if (run.kind === 'vqvae-pretrain') await callUnary(ctx.clients.vqvaePretrain, 'CancelVqvaePretrainRun', req);
    else if (run.kind === 'classifier') await callUnary(ctx.clients.classifierTraining, 'CancelClassifierRun', req);
    else throw new GraphQLError(`run ${run.id} has kind '${run.kind}', which no trainer runs`, { extensions: { code: 'FAILED_PRECONDITION' } });
    return getRun(ctx, run.id);
  },
};

function matrix(m: ConfusionMatrix__Output | null | undefined) {
  if (!m) return null;
  const n = m.labels.length;
  return { labels: m.labels, rows: m.labels.map((_, i) => m.counts.slice(i * n, (i + 1) * n)) };
}

function evaluation(e: ClassifierEvaluation__Output) {
  return {
    protocol: toEnum(e.protocol),
    labels: e.labels,
    metrics: namedValues(e.metrics),
    metricsStd: namedValues(e.metricsStd),
    confusionMatrix: matrix(e.confusionMatrix),
    perClassRecall: e.perClassRecall,
    folds: e.folds.map((f) => ({
      repeat: f.repeat,
      fold: f.fold,
      testSplit: f.testSplit,
      metrics: namedValues(f.metrics),
      confusionMatrix: matrix(f.confusionMatrix),
    })),
  };
}

export const RunResolvers = {
  id: globalIdOf('Run', (r: Run) => r.id),
  kind: (r: Run) => toEnum(r.kind),
  status: (r: Run) => toEnum(r.status),
  // The run's names are columns now; the API still shows them where they were, in config and lineage.raw.
  config: (r: Run) => (r.displayName ? { ...r.config, displayName: r.displayName } : r.config),
  method: (r: Run) => (r.kind === 'classifier' ? optionalEnum(r.config.method) : null),
  lineage: (r: Run) => r,
  outputCheckpointId: (r: Run) => outputCheckpointId(r) || null,
  async curves(r: Run, args: { names?: string[] | null }, ctx: GatewayContext) {
    const byName = new Map<string, { epoch: number; value: number }[]>();
    for (const p of await ctx.store.runs.listMetrics(r.id)) {
      if (args.names && !args.names.includes(p.name)) continue;
      byName.set(p.name, [...(byName.get(p.name) ?? []), { epoch: p.epoch, value: p.value }]);
    }
    return [...byName].map(([name, points]) => ({ name, points }));
  },
  async evaluation(r: Run, _: unknown, ctx: GatewayContext) {
    if (r.kind !== 'classifier' || r.status !== 'succeeded') return null;
    try {
      const res = await callUnary(ctx.clients.classifierTraining, 'GetClassifierRunEvaluation', { runId: r.id });
      return res.evaluation ? evaluation(res.evaluation) : null;
    } catch (err) {
      // A succeeded run from before evaluations were stored has none: that is an absence, not a failure.
      if ((err as { code?: number }).code === GrpcStatus.NOT_FOUND) return null;
      throw err;
    }
  },
  async representations(r: Run, _: unknown, ctx: GatewayContext) {
    if (r.kind !== 'classifier' || r.status !== 'succeeded') return null;
    try {
      const res = await callUnary(ctx.clients.classifierTraining, 'GetClassifierRunRepresentations', { runId: r.id });
      return { features: toEnum(res.features), utterances: res.utterances.map((u) => ({ ...u, fused: u.fused.length > 0 ? u.fused : null })) };
    } catch (err) {
      // Runs of the other methods keep none: an absence, not a failure.
      if ((err as { code?: number }).code === GrpcStatus.NOT_FOUND) return null;
      throw err;
    }
  },
  async modelVersion(r: Run, _: unknown, ctx: GatewayContext) {
    if (r.kind !== 'classifier') return null;
    return versionOfRun(ctx.clients.modelRegistry, r.id);
  },
};

export const RunLineage = {
  raw: (r: Run) => (r.modelName ? { ...r.lineage, modelName: r.modelName } : r.lineage),
  datasetVersions: async (r: Run, _: unknown, ctx: GatewayContext) =>
    (await ctx.loaders.datasetVersion.loadMany(r.lineage.datasetVersionIds ?? [])).filter((v) => v !== null && !(v instanceof Error)),
  // Typed by RunLineage (@ser/store), which the store checks on every write; '' means none.
  checkpointId: (r: Run) => r.lineage.checkpointId || null,
  parentRun: (r: Run, _: unknown, ctx: GatewayContext) => {
    const id = r.lineage.runId;
    return id && id !== r.id ? ctx.loaders.run.load(id) : null;
  },
};
