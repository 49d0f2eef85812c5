// Registered model versions as the wire sees them: the registry serves them and a run names the one it kept.
import type { ModelVersion as ProtoModelVersion } from '@ser/contracts';
import { DomainError } from '@ser/grpc-kit';
import { StoreError, type MetadataStore, type ModelVersion } from '@ser/store';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** A stored model version as the proto message, with the aliases that point at it. */
export function modelVersionToProto(v: ModelVersion, aliases: readonly string[]): ProtoModelVersion {
  const lineage = v.lineage;
  return {
    name: v.modelName,
    version: String(v.version),
    aliases: [...aliases],
    metrics: Object.fromEntries(Object.entries(v.metrics).filter((e): e is [string, number] => typeof e[1] === 'number')),
    lineage: {
      datasetVersionIds: strings(lineage.datasetVersionIds),
      checkpointId: str(lineage.checkpointId),
      runId: v.runId ?? str(lineage.runId),
      configHash: str(lineage.configHash),
    },
    labels: strings(lineage.labels),
    checkpointId: str(lineage.modelCheckpointId),
    createdAtMs: v.createdAt.getTime(),
  };
}

/** Alias names per version number of one model. */
export async function aliasesByVersion(store: MetadataStore, modelName: string): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const a of await store.models.listAliases(modelName)) out.set(a.version.version, [...(out.get(a.version.version) ?? []), a.alias]);
  return out;
}

/** Store refusals (bad alias, unknown version) keep their meaning on the wire instead of becoming INTERNAL. */
export async function storeCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StoreError) throw new DomainError(err.code, err.message);
    throw err;
  }
}
