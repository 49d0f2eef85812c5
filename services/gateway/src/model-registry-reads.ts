import type { ModelRegistryServiceClient, ModelVersion__Output } from '@ser/contracts';
import { callUnary, GrpcStatus } from '@ser/grpc-kit';
import type { JsonObject, ModelVersion, Page, PageArgs } from '@ser/store';

// The gateway reads registered models through ModelRegistryService, which owns model_versions and model_aliases;
// these helpers turn its messages into the shapes the GraphQL resolvers return.

/** A registered model version as the GraphQL ModelVersion type resolves it: the stored version and its aliases. */
export type RegisteredModelVersion = ModelVersion & {
  /** Aliases pointing at this version when it was read. */
  aliases: string[];
};

export interface RegisteredModel {
  name: string;
  latestVersion: number;
  versionCount: number;
}

export interface RegisteredAlias {
  alias: string;
  version: RegisteredModelVersion;
  updatedAt: Date;
}

type Registry = ModelRegistryServiceClient;

const jsonObject = (text: string): JsonObject => (text ? (JSON.parse(text) as JsonObject) : {});

export function fromProto(v: ModelVersion__Output): RegisteredModelVersion {
  return {
    id: v.id,
    modelName: v.name,
    version: Number(v.version),
    runId: v.lineage?.runId || null,
    metrics: jsonObject(v.metricsJson),
    lineage: jsonObject(v.lineageJson),
    artifactKey: v.artifactKey,
    createdAt: new Date(v.createdAtMs),
    aliases: [...v.aliases],
  };
}

const isNotFound = (err: unknown) => (err as { code?: unknown } | null)?.code === GrpcStatus.NOT_FOUND;

/** Runs a lookup; a NOT_FOUND answer is null (the GraphQL field is nullable), every other error is thrown. */
async function orNull<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export async function listModels(registry: Registry): Promise<RegisteredModel[]> {
  return (await callUnary(registry, 'ListModels', {})).models.map((m) => ({ name: m.name, latestVersion: m.latestVersion, versionCount: m.versionCount }));
}

/** One page of a model's versions, newest first, with a cursor per version as the store's listings have. */
export async function listVersions(registry: Registry, name: string, page: PageArgs): Promise<Page<RegisteredModelVersion>> {
  // An empty page still reports the total: ask for one version and drop it (page_size 0 means the server default).
  const pageSize = page.first === 0 ? 1 : (page.first ?? 0);
  const res = await callUnary(registry, 'ListModelVersions', { name, page: { pageSize, pageToken: page.after ?? '' } });
  const take = page.first === 0 ? 0 : res.modelVersions.length;
  const edges = res.modelVersions.slice(0, take).map((v, i) => ({ cursor: res.pageTokens[i]!, node: fromProto(v) }));
  const hasNextPage = page.first === 0 ? res.modelVersions.length > 0 : Boolean(res.page?.nextPageToken);
  return { edges, totalCount: res.page?.totalSize ?? 0, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The versions with these ids, in the order asked (null for unknown ids): a DataLoader's batch function. */
export async function versionsByIds(registry: Registry, ids: readonly string[]): Promise<Array<RegisteredModelVersion | null>> {
  const found = new Map((await callUnary(registry, 'BatchGetModelVersions', { ids: [...ids] })).modelVersions.map((v) => [v.id, fromProto(v)]));
  return ids.map((id) => found.get(id) ?? null);
}

export async function findVersion(registry: Registry, name: string, version: number): Promise<RegisteredModelVersion | null> {
  const res = await orNull(() => callUnary(registry, 'GetModelVersion', { model: { name, version: String(version) } }));
  return res?.modelVersion ? fromProto(res.modelVersion) : null;
}

export async function versionOfRun(registry: Registry, runId: string): Promise<RegisteredModelVersion | null> {
  const res = await orNull(() => callUnary(registry, 'GetRunModelVersion', { runId }));
  return res?.modelVersion ? fromProto(res.modelVersion) : null;
}

export async function listAliases(registry: Registry, name: string): Promise<RegisteredAlias[]> {
  return (await callUnary(registry, 'ListModelAliases', { name })).aliases.map((a) => ({
    alias: a.alias,
    version: fromProto(a.modelVersion!),
    updatedAt: new Date(a.updatedAtMs),
  }));
}

/** Points an alias at a version; the version as it is after the move. */
export async function setAlias(registry: Registry, name: string, version: number, alias: string): Promise<RegisteredModelVersion | null> {
  const res = await callUnary(registry, 'SetModelAlias', { name, version: String(version), alias });
  return res.modelVersion ? fromProto(res.modelVersion) : null;
}
