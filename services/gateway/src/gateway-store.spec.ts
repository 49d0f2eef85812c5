import { openMetadataStore, type MetadataStore } from '@ser/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayStore } from './gateway-store';

describe("the gateway's view of the store", () => {
  let store: MetadataStore;
  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
  });
  afterAll(() => store.close());

  it('reaches the reads, the run queue and API tokens, and no other write', () => {
    const view = gatewayStore(store) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(view).sort()).toEqual(['apiTokens', 'checkpoints', 'datasets', 'predictions', 'runs']);
    expect(Object.keys(view.runs!).sort()).toEqual(['cancelQueued', 'create', 'get', 'list', 'listMetrics']);
    expect(view.datasets!.registerVersion).toBeUndefined();
    expect(view.predictions!.record).toBeUndefined();
    expect(view.apiTokens).toBe(store.apiTokens);
  });
});
