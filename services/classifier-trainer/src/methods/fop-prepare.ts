// What the two FOP methods (fine-tuning and hypercolumns) read in the service: the FOP pre-training checkpoint
// they start from, its model config and weights, and the labelled log-mel features.
import type { ArtifactStore } from '@ser/artifacts';
import { DomainError, invalidArgument, notFound } from '@ser/grpc-kit';
import { DEFAULT_FOP_CONFIG, readCheckpointWeights, type FopConfig, type SavedTensors, type TensorEntry } from '@ser/models';
import type { MetadataStore } from '@ser/store';
import { FOP_ARCHITECTURE_KEYS } from '../run/classifier-config';
import { loadLabelledDataset } from '../run/load-dataset';
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

export interface ResolvedModel {
  fopConfig: FopConfig;
  /** The pre-training run that saved the checkpoint, for lineage. */
  pretrainRunId?: string;
}

/**
 * The FOP config a run fine-tunes: DEFAULT_FOP_CONFIG under the pre-training run's model config (when starting
 * from a checkpoint) under the run's overrides. An override of an architecture key that differs from the
 * checkpoint's is refused: the weights would not fit.
 */
export async function resolveFopModel(
  store: MetadataStore,
  config: { pretrainedCheckpointId?: string; model?: Partial<FopConfig> },
): Promise<ResolvedModel> {
  const model = config.model ?? {}; // hypercolumn runs take the checkpoint's model as it is
  if (!config.pretrainedCheckpointId) return { fopConfig: { ...DEFAULT_FOP_CONFIG, ...model } };
  const checkpoint = await store.checkpoints.get(config.pretrainedCheckpointId);
  if (!checkpoint) throw notFound('checkpoint', config.pretrainedCheckpointId);
  const run = await store.runs.get(checkpoint.runId);
  if (run?.kind !== 'fop-pretrain') {
    throw new DomainError('FAILED_PRECONDITION', `checkpoint '${checkpoint.id}' was not saved by a FOP pre-training run`, { reason: 'NOT_A_FOP_CHECKPOINT' });
  }
  const pretrained = { ...DEFAULT_FOP_CONFIG, ...((run.config.model ?? {}) as Partial<FopConfig>) };
  for (const key of FOP_ARCHITECTURE_KEYS) {
    const wanted = model[key];
    if (wanted !== undefined && wanted !== pretrained[key]) {
      throw invalidArgument(`model.${key} is ${wanted} but checkpoint '${checkpoint.id}' has ${pretrained[key]}`, [
        { field: `config_json.model.${key}`, description: `must equal the checkpoint's ${pretrained[key]}` },
      ]);
    }
  }
  return { fopConfig: { ...pretrained, ...model }, pretrainRunId: run.id };
}

/** The weights of a FOP pre-training checkpoint (checkpoints/<run>/epoch-NNNN/{checkpoint.json, weights.bin}). */
export async function readPretrainedWeights(store: MetadataStore, artifacts: ArtifactStore, checkpointId: string): Promise<SavedTensors> {
  const checkpoint = await store.checkpoints.get(checkpointId);
  if (!checkpoint) throw notFound('checkpoint', checkpointId);
  return readCheckpointWeights(artifacts, checkpoint.artifactKey);
}

/** Features, resolved FOP config and pre-trained weights of a FOP method's run. */
export async function prepareFopRun(deps: PrepareDeps, config: { datasetVersionId: string; pretrainedCheckpointId?: string; model?: Partial<FopConfig> }): Promise<FopRunData> {
  const { store, features, artifacts } = deps;
  const dataset = await loadLabelledDataset(store, features, config.datasetVersionId);
  const pretrained = config.pretrainedCheckpointId ? await readPretrainedWeights(store, artifacts, config.pretrainedCheckpointId) : undefined;
  const { fopConfig } = await resolveFopModel(store, config);
  return { ...dataset, fopConfig, pretrained };
}

/** Saved weights as the worker received them: structured cloning turned their Buffer into a Uint8Array. */
export const asSavedTensors = (w: { manifest: TensorEntry[]; data: Uint8Array }): SavedTensors => ({
  manifest: w.manifest,
  data: Buffer.from(w.data.buffer, w.data.byteOffset, w.data.byteLength),
});
