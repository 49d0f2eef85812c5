import DataLoader from 'dataloader';
import type { DatasetVersion, MetadataStore, ModelVersion, Run } from '@ser/store';

/**
 * Per-request batched lookups: however many times one query asks for the same id (a run's lineage, a prediction's
 * model version), it is loaded once, and the distinct ids of one tick are fetched together.
 */
export interface Loaders {
  latestVersion: DataLoader<string, DatasetVersion | null>;
  datasetVersion: DataLoader<string, DatasetVersion | null>;
  run: DataLoader<string, Run | null>;
  modelVersion: DataLoader<string, ModelVersion | null>;
  /** Model name -> alias names by version id. */
  aliasesByVersion: DataLoader<string, Map<string, string[]>>;
}

// The repositories look rows up one id at a time; a batch runs them concurrently on the pool.
const byId = <T>(get: (id: string) => Promise<T | null>) => new DataLoader<string, T | null>((ids) => Promise.all(ids.map(get)));

export function createLoaders(store: MetadataStore): Loaders {
  return {
    latestVersion: byId((name) => store.datasets.latestVersion(name)),
    datasetVersion: byId((id) => store.datasets.getVersion(id)),
    run: byId((id) => store.runs.get(id)),
    modelVersion: byId((id) => store.models.getVersion(id)),
    aliasesByVersion: new DataLoader((names) =>
      Promise.all(
        names.map(async (name) => {
          const byVersion = new Map<string, string[]>();
          for (const a of await store.models.listAliases(name)) byVersion.set(a.version.id, [...(byVersion.get(a.version.id) ?? []), a.alias]);
          return byVersion;
        }),
      ),
    ),
  };
}
