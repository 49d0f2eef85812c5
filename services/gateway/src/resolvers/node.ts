import { requireRole } from '../auth/access';
import type { GatewayContext } from '../context';
import { listModels } from '../model-registry-reads';
import { parseGlobalId, type NodeType } from './global-ids';
import { badInput } from './paging';

/** Marks what node(id:) fetched with its type, for Node's resolveType; the store's objects carry no __typename. */
const NODE_TYPE = Symbol('nodeType');

const fetchers: Record<NodeType, (ctx: GatewayContext, id: string) => Promise<object | null>> = {
  Dataset: (ctx, name) => ctx.store.datasets.get(name),
  DatasetVersion: (ctx, id) => ctx.loaders.datasetVersion.load(id),
  Run: (ctx, id) => ctx.loaders.run.load(id),
  Model: async (ctx, name) => (await listModels(ctx.clients.modelRegistry)).find((m) => m.name === name) ?? null,
  ModelVersion: (ctx, id) => ctx.loaders.modelVersion.load(id),
  Prediction: (ctx, id) => ctx.store.predictions.get(id),
  // Tokens are an admin's business however they are reached, as in apiTokens.
  ApiToken: async (ctx, id) => {
    requireRole(ctx, 'admin', 'node(ApiToken)');
    return (await ctx.store.apiTokens.list()).find((t) => t.id === id) ?? null;
  },
  // Jobs live in the gateway that started them (training-jobs.ts); another replica answers null.
  TrainingJob: async (ctx, id) => ctx.trainingJobs?.get(id) ?? null,
};

export const nodeQuery = {
  /** Any Node by its global id; null when it does not (or no longer) exist. A string that is no global id is the client's error. */
  async node(_: unknown, args: { id: string }, ctx: GatewayContext) {
    const parsed = parseGlobalId(args.id);
    if (!parsed) throw badInput(`'${args.id}' is not a global id (Node.id)`);
    const value = await fetchers[parsed.type](ctx, parsed.id);
    if (value) Object.defineProperty(value, NODE_TYPE, { value: parsed.type, configurable: true });
    return value;
  },
};

export const NodeInterface = {
  __resolveType: (value: { [NODE_TYPE]?: NodeType }) => value[NODE_TYPE],
};
