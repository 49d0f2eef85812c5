import type { MetadataStore } from '@ser/store';

// Two lookups the store's repositories do not offer (yet): one utterance by id, a model version by its run.
// They read only, through the store's own connection; move them into the repositories when those grow them.

export async function findUtterancePath(store: MetadataStore, datasetVersionId: string, utteranceId: string): Promise<string | null> {
  const [row] = await store.db.query<{ path: string }>('SELECT path FROM utterances WHERE dataset_version_id = $1 AND utterance_id = $2', [
    datasetVersionId,
    utteranceId,
  ]);
  return row?.path ?? null;
}

/** Id of the newest model version a run registered, or null. */
export async function findModelVersionIdOfRun(store: MetadataStore, runId: string): Promise<string | null> {
  const [row] = await store.db.query<{ id: string }>('SELECT id FROM model_versions WHERE run_id = $1 ORDER BY created_at DESC LIMIT 1', [runId]);
  return row?.id ?? null;
}
