import { GraphQLError } from '../graphql-runtime';
import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { EXPORT_FORMATS, modelExportPath } from '../http/model-export-download';
import { listAliases, listModels, listVersions, setAlias, type RegisteredModel, type RegisteredModelVersion } from '../model-registry-reads';
import { globalIdOf, storeId } from './global-ids';
import { connection, connectionOfList, type ConnectionArgs } from './paging';

// ModelRegistryService owns the registry (model_versions, model_aliases): queries read it over gRPC, and moving an
// alias goes through it too, so it can announce the move on the bus.
export const modelQueries = {
  models: async (_: unknown, args: ConnectionArgs, ctx: GatewayContext) =>
    connectionOfList('models', await listModels(ctx.clients.modelRegistry), (m) => m.name, args),
  async model(_: unknown, args: { name: string }, ctx: GatewayContext) {
    return (await listModels(ctx.clients.modelRegistry)).find((m) => m.name === args.name) ?? null;
  },
  modelVersion: (_: unknown, args: { id: string }, ctx: GatewayContext) => ctx.loaders.modelVersion.load(storeId('ModelVersion', args.id)),
};

export const modelMutations = {
  async promoteModel(_: unknown, args: { name: string; version: number; alias: string }, ctx: GatewayContext) {
    requireRole(ctx, 'admin', 'promoteModel');
    const version = await setAlias(ctx.clients.modelRegistry, args.name, args.version, args.alias);
    if (!version) throw new GraphQLError(`model ${args.name} version ${args.version} not found`, { extensions: { code: 'NOT_FOUND' } });
    ctx.logger.info({ model: args.name, version: args.version, alias: args.alias, tokenName: ctx.principal!.name }, 'model alias moved');
    return version;
  },
};

export const Model = {
  id: globalIdOf('Model', (m: RegisteredModel) => m.name),
  versions: (m: RegisteredModel, args: ConnectionArgs, ctx: GatewayContext) =>
    connection(args, (page) => listVersions(ctx.clients.modelRegistry, m.name, page)),
  aliases: (m: RegisteredModel, _: unknown, ctx: GatewayContext) => listAliases(ctx.clients.modelRegistry, m.name),
};

export const ModelVersionResolvers = {
  id: globalIdOf('ModelVersion', (v: RegisteredModelVersion) => v.id),
  run: (v: RegisteredModelVersion, _: unknown, ctx: GatewayContext) => (v.runId ? ctx.loaders.run.load(v.runId) : null),
  // A parent read elsewhere (a bare store row) carries no aliases: ask the registry for the version once.
  aliases: async (v: RegisteredModelVersion, _: unknown, ctx: GatewayContext) => v.aliases ?? (await ctx.loaders.modelVersion.load(v.id))?.aliases ?? [],
  // Only the link: the export is made (once, by the model registry) when the link is first downloaded.
  downloadUrl: (v: RegisteredModelVersion, args: { format: string }) => modelExportPath(v.modelName, v.version, EXPORT_FORMATS[args.format]!.extension),
};
