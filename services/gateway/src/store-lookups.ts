import type { MetadataStore } from '@ser/store';

// A lookup the store's repositories do not offer (yet): one utterance by id. It reads only, through the store's
// own connection; move it into the repositories when those grow it. (A run's model version comes from the registry.)

export async function findUtterancePath(store: MetadataStore, datasetVersionId: string, utteranceId: string): Promise<string | null> {
  const [row] = await store.db.query<{ path: string }>('SELECT path FROM utterances WHERE dataset_version_id = $1 AND utterance_id = $2', [
    datasetVersionId,
    utteranceId,
  ]);
  return row?.path ?? null;
}
