import type { ReadOnlyStore } from '@ser/store';

/**
 * The checkpoint a later step of an experiment starts from when the pre-training run's trainer named none: its best
 * (lineage.bestCheckpointId, the lowest held-out loss so far), else its latest; undefined for a run that saved none.
 * One reader of the typed lineage for the gateway's recipes and the embedded `ser experiment` / `ser train`.
 */
export async function bestOrLatestCheckpointId(store: ReadOnlyStore, runId: string): Promise<string | undefined> {
  const run = await store.runs.get(runId);
  return run?.lineage.bestCheckpointId ?? (await store.checkpoints.latestForRun(runId))?.id;
}
