import DataLoader from 'dataloader';
import type { ModelRegistryServiceClient } from '@ser/contracts';
import type { DatasetVersion, ReadOnlyStore, Run } from '@ser/store';
import { versionsByIds, type RegisteredModelVersion } from './model-registry-reads';

/**
 * Per-request batched lookups: however many times one query asks for the same id (a run's lineage, a prediction's
 * model version), it is loaded once, and the distinct ids of one tick are fetched together.
 */
export interface Loaders {
  latestVersion: DataLoader<string, DatasetVersion | null>;
  datasetVersion: DataLoader<string, DatasetVersion | null>;
  run: DataLoader<string, Run | null>;
  /** Registered versions by id, one BatchGetModelVersions call per tick (the registry owns them). */
  modelVersion: DataLoader<string, RegisteredModelVersion | null>;
}

// The repositories look rows up one id at a time; a batch runs them concurrently on the pool.
const byId = <T>(get: (id: string) => Promise<T | null>) => new DataLoader<string, T | null>((ids) => Promise.all(ids.map(get)));

export function createLoaders(store: ReadOnlyStore, modelRegistry: ModelRegistryServiceClient): Loaders {
  return {
    latestVersion: byId((name) => store.datasets.latestVersion(name)),
    datasetVersion: byId((id) => store.datasets.getVersion(id)),
    run: byId((id) => store.runs.get(id)),
    modelVersion: new DataLoader((ids) => versionsByIds(modelRegistry, ids)),
  };
}
