// What the two FOP methods (fine-tuning and hypercolumns) read in the service: the FOP pre-training checkpoint
// they start from, its model config and weights, and the labelled log-mel features.
import type { ArtifactStore } from '@ser/artifacts';
import { notFound } from '@ser/grpc-kit';
import { readCheckpointWeights, type FopConfig, type SavedTensors, type TensorEntry } from '@ser/models';
import type { ReadOnlyStore } from '@ser/store';
import type { EvaluationProtocol } from '@ser/evaluation';
import { resolveFopModel, runDatasetVersionIds } from '@ser/runs';
import { loadRunDataset, testVersionIds } from '../run/load-dataset';
import type { PrepareDeps, WorkerDataset } from './method';

/** What a FOP method's job reads in the worker: its worker data with the weights as Buffers again. */
export interface FopJob<C> extends Omit<FopRunData, 'pretrained'> {
  runId: string;
  config: C;
  pretrained?: SavedTensors;
  artifacts: ArtifactStore;
}

/** The worker data of a FOP method's run. */
export interface FopRunData extends WorkerDataset {
  fopConfig: FopConfig;
  /** Pre-trained weights; structured cloning turns the Buffer into a Uint8Array. */
  pretrained?: { manifest: TensorEntry[]; data: Uint8Array };
}

/** The weights of a FOP pre-training checkpoint (checkpoints/<run>/epoch-NNNN/{checkpoint.json, weights.bin}). */
export async function readPretrainedWeights(store: ReadOnlyStore, artifacts: ArtifactStore, checkpointId: string): Promise<SavedTensors> {
  const checkpoint = await store.checkpoints.get(checkpointId);
  if (!checkpoint) throw notFound('checkpoint', checkpointId);
  return readCheckpointWeights(artifacts, checkpoint.artifactKey);
}

/** Features, resolved FOP config and pre-trained weights of a FOP method's run. */
export async function prepareFopRun(
  deps: PrepareDeps,
  config: { datasetVersionId: string; protocol: EvaluationProtocol; pretrainedCheckpointId?: string; model?: Partial<FopConfig> },
): Promise<FopRunData> {
  const { store, features, artifacts } = deps;
  const dataset = await loadRunDataset(store, features, runDatasetVersionIds(config), 'FEATURE_KIND_LOG_MEL', testVersionIds(config.protocol));
  const pretrained = config.pretrainedCheckpointId ? await readPretrainedWeights(store, artifacts, config.pretrainedCheckpointId) : undefined;
  const { fopConfig } = await resolveFopModel(store, config);
  return { ...dataset, fopConfig, pretrained };
}

/** Saved weights as the worker received them: structured cloning turned their Buffer into a Uint8Array. */
export const asSavedTensors = (w: { manifest: TensorEntry[]; data: Uint8Array }): SavedTensors => ({
  manifest: w.manifest,
  data: Buffer.from(w.data.buffer, w.data.byteOffset, w.data.byteLength),
});
