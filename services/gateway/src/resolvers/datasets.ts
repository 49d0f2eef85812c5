import type { Dataset, DatasetVersion, JsonObject } from '@ser/store';
import type { GatewayContext } from '../context';
import { toEnum } from './enums';
import { globalIdOf, storeId } from './global-ids';
import { connection, type ConnectionArgs } from './paging';

export const datasetQueries = {
  datasets: (_: unknown, args: ConnectionArgs, ctx: GatewayContext) => connection(args, (page) => ctx.store.datasets.list(page)),
  dataset: (_: unknown, args: { name: string }, ctx: GatewayContext) => ctx.store.datasets.get(args.name),
  datasetVersion: (_: unknown, args: { id: string }, ctx: GatewayContext) => ctx.loaders.datasetVersion.load(storeId('DatasetVersion', args.id)),
};

export const DatasetResolvers = {
  id: globalIdOf('Dataset', (d: Dataset) => d.name),
  latestVersion: (d: Dataset, _: unknown, ctx: GatewayContext) => ctx.loaders.latestVersion.load(d.name),
  versions: (d: Dataset, args: ConnectionArgs, ctx: GatewayContext) => connection(args, (page) => ctx.store.datasets.listVersions(d.name, page)),
};

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => a.key.localeCompare(b.key));

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The features service's report as stored (jsonb); versions registered before reports existed have `{}`. */
function ingestionReport(report: JsonObject) {
  if (Object.keys(report).length === 0) return null;
  const skipped = Array.isArray(report.skipped) ? report.skipped : [];
  return {
    filesSeen: num(report.filesSeen),
    utterancesIngested: num(report.utterancesIngested),
    elapsedMs: num(report.elapsedMs),
    skipped: skipped.flatMap((s) => (s && typeof s === 'object' && !Array.isArray(s) ? [{ path: String(s.path ?? ''), reason: String(s.reason ?? '') }] : [])),
  };
}

export const DatasetVersionResolvers = {
  id: globalIdOf('DatasetVersion', (v: DatasetVersion) => v.id),
  name: (v: DatasetVersion) => v.datasetName,
  format: (v: DatasetVersion) => toEnum(v.format),
  classCounts: (v: DatasetVersion) => counts(v.classCounts),
  speakerCounts: (v: DatasetVersion) => counts(v.speakerCounts),
  ingestionReport: (v: DatasetVersion) => ingestionReport(v.ingestionReport),
};
