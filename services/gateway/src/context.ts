import DataLoader from 'dataloader';
import type { ServiceName } from '@ser/config';
import type { DatasetVersion, MetadataStore } from '@ser/store';

/** Per-request context: the store for reads, service addresses for health, batched loaders. */
export interface GatewayContext {
  store: MetadataStore;
  serviceAddresses: Record<ServiceName, string>;
  loaders: {
    latestVersion: DataLoader<string, DatasetVersion | null>;
  };
}

export function createContext(store: MetadataStore, serviceAddresses: Record<ServiceName, string>): GatewayContext {
  return {
    store,
    serviceAddresses,
    loaders: {
      // One lookup per distinct dataset name per request, however many times a query asks for it.
      latestVersion: new DataLoader((names) => Promise.all(names.map((n) => store.datasets.latestVersion(n)))),
    },
  };
}
