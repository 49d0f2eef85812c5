import { GraphQLError } from 'graphql';
import { checkHealth } from '@ser/grpc-kit';
import { SERVICE_NAMES, type ServiceName } from '@ser/config';
import type { Dataset, DatasetVersion, PageArgs } from '@ser/store';
import type { GatewayContext } from '../context';

/** Platform names of the services, as clients and deploy manifests spell them. */
const SERVICE_LABELS: Record<ServiceName, string> = {
  features: 'features',
  fopPretrainer: 'fop-pretrainer',
  vqvaePretrainer: 'vqvae-pretrainer',
  classifierTrainer: 'classifier-trainer',
  inference: 'inference',
};

const MAX_PAGE = 100;

function pageArgs(args: { first?: number | null; after?: string | null }): PageArgs {
  if (args.first != null && (args.first < 0 || args.first > MAX_PAGE)) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return { first: args.first, after: args.after };
}

export const Query = {
  async health(_: unknown, __: unknown, ctx: GatewayContext) {
    const services = await Promise.all(
      SERVICE_NAMES.map(async (name) => ({
        service: SERVICE_LABELS[name],
        address: ctx.serviceAddresses[name],
        status: await checkHealth(ctx.serviceAddresses[name]),
      })),
    );
    // Answering this query at all is the gateway's own health.
    return [...services, { service: 'gateway', address: null, status: 'SERVING' }];
  },

  datasets(_: unknown, args: { first?: number | null; after?: string | null }, ctx: GatewayContext) {
    return ctx.store.datasets.list(pageArgs(args));
  },

  async dataset(_: unknown, args: { name: string }, ctx: GatewayContext): Promise<Dataset | null> {
    return ctx.store.datasets.get(args.name);
  },

  datasetVersion(_: unknown, args: { id: string }, ctx: GatewayContext): Promise<DatasetVersion | null> {
    return ctx.store.datasets.getVersion(args.id);
  },
};

export const DatasetResolvers = {
  createdAt: (d: Dataset) => d.createdAt.toISOString(),
  latestVersion: (d: Dataset, _: unknown, ctx: GatewayContext) => ctx.loaders.latestVersion.load(d.name),
  versions: (d: Dataset, args: { first?: number | null; after?: string | null }, ctx: GatewayContext) =>
    ctx.store.datasets.listVersions(d.name, pageArgs(args)),
};

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => a.key.localeCompare(b.key));

export const DatasetVersionResolvers = {
  name: (v: DatasetVersion) => v.datasetName,
  createdAt: (v: DatasetVersion) => v.createdAt.toISOString(),
  classCounts: (v: DatasetVersion) => counts(v.classCounts),
  speakerCounts: (v: DatasetVersion) => counts(v.speakerCounts),
};
