import { readOnlyStore, runQueueWrites, type ApiTokenRepository, type ReadOnlyStore, type Repositories, type RunQueueWrites, type RunReads } from '@ser/store';

/**
 * What the gateway may do to the store (issue 17; owners in scripts/store-table-owners.mjs): read datasets, runs,
 * checkpoints and predictions, queue and withdraw runs (the trainers scale to zero on that queue, so none may be up
 * to take a Start call), and keep API tokens, which it owns. Model versions and aliases it asks the model registry.
 */
export interface GatewayStore extends ReadOnlyStore {
  readonly runs: RunReads & RunQueueWrites;
  readonly apiTokens: ApiTokenRepository;
}

export function gatewayStore(store: Repositories): GatewayStore {
  const reads = readOnlyStore(store);
  return Object.freeze({ ...reads, runs: Object.freeze({ ...reads.runs, ...runQueueWrites(store) }), apiTokens: store.apiTokens });
}
