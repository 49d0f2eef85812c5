import { GraphQLError } from '../graphql-runtime';
import { callUnary } from '@ser/grpc-kit';
import type { ModelSummary, ModelVersion } from '@ser/store';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { globalIdOf, storeId } from './global-ids';
import { connection, connectionOfList, type ConnectionArgs } from './paging';

// Queries read the registry tables directly (cheap, batched); moving an alias goes through ModelRegistryService,
// which owns the registry and announces the move on the bus.
export const modelQueries = {
  models: async (_: unknown, args: ConnectionArgs, ctx: GatewayContext) => connectionOfList('models', await ctx.store.models.listModels(), (m) => m.name, args),
  async model(_: unknown, args: { name: string }, ctx: GatewayContext) {
    return (await ctx.store.models.listModels()).find((m) => m.name === args.name) ?? null;
  },
  modelVersion: (_: unknown, args: { id: string }, ctx: GatewayContext) => ctx.loaders.modelVersion.load(storeId('ModelVersion', args.id)),
};

export const modelMutations = {
  async promoteModel(_: unknown, args: { name: string; version: number; alias: string }, ctx: GatewayContext) {
    requireRole(ctx, 'admin', 'promoteModel');
    await callUnary(ctx.clients.modelRegistry, 'SetModelAlias', { name: args.name, version: String(args.version), alias: args.alias });
    const version = await ctx.store.models.findVersion(args.name, args.version);
    if (!version) throw new GraphQLError(`model ${args.name} version ${args.version} not found`, { extensions: { code: 'NOT_FOUND' } });
    ctx.logger.info({ model: args.name, version: args.version, alias: args.alias, tokenName: ctx.principal!.name }, 'model alias moved');
    return version;
  },
};

export const Model = {
  id: globalIdOf('Model', (m: ModelSummary) => m.name),
  versions: (m: ModelSummary, args: ConnectionArgs, ctx: GatewayContext) => connection(args, (page) => ctx.store.models.listVersions(m.name, page)),
  aliases: (m: ModelSummary, _: unknown, ctx: GatewayContext) => ctx.store.models.listAliases(m.name),
};

export const ModelVersionResolvers = {
  id: globalIdOf('ModelVersion', (v: ModelVersion) => v.id),
  run: (v: ModelVersion, _: unknown, ctx: GatewayContext) => (v.runId ? ctx.loaders.run.load(v.runId) : null),
  aliases: async (v: ModelVersion, _: unknown, ctx: GatewayContext) => (await ctx.loaders.aliasesByVersion.load(v.modelName)).get(v.id) ?? [],
};
